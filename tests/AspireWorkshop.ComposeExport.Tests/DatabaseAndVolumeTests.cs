using AspireWorkshop.ComposeExport.Tests.Infrastructure;

namespace AspireWorkshop.ComposeExport.Tests;

/// <summary>Databases the AppHost would create, volumes and service names.</summary>
public sealed class DatabaseAndVolumeTests : IDisposable
{
    private const string Manifest = """
        {
          "resources": {
            "Main_PG": {
              "type": "container.v1",
              "image": "docker.io/library/postgres:18.3",
              "connectionString": "Host={Main_PG.bindings.tcp.host};Port={Main_PG.bindings.tcp.port};Username=postgres",
              "env": { "POSTGRES_HOST_AUTH_METHOD": "trust" },
              "bindings": { "tcp": { "scheme": "tcp", "protocol": "tcp", "transport": "tcp", "targetPort": 5432 } },
              "volumes": [
                { "name": "apphost-1a2b3c-pgdata", "target": "/var/lib/postgresql", "readOnly": false },
                { "target": "/tmp/scratch", "readOnly": false }
              ],
              "bindMounts": [ { "source": "../seed", "target": "/seed", "readOnly": true } ]
            },
            "todos": { "type": "value.v0", "connectionString": "{Main_PG.connectionString};Database=todos" },
            "odd": { "type": "value.v0", "connectionString": "{Main_PG.connectionString};Database=say \"hi\"" },
            "app": { "type": "container.v0", "image": "x", "env": { "DB": "{todos.connectionString}" } }
          }
        }
        """;

    private readonly TempDirectory temp = new();

    private async Task<ExportRun> ExportAsync(string manifest = Manifest)
    {
        Directory.CreateDirectory(temp.Combine("apphost"));
        Directory.CreateDirectory(temp.Combine("seed"));
        var path = temp.Combine("apphost", "aspire-manifest.json");
        await File.WriteAllTextAsync(path, manifest, TestContext.Current.CancellationToken);

        return await Export.ConvertValidAsync(path, temp.Combine("deploy"));
    }

    [Fact]
    public async Task Several_databases_are_created_by_an_init_script_with_quoted_identifiers()
    {
        var run = await ExportAsync();

        var script = File.ReadAllText(Path.Combine(run.Directory, "main_pg-initdb.sql"));
        Assert.Contains("CREATE DATABASE \"todos\";\n", script, StringComparison.Ordinal);
        Assert.Contains("CREATE DATABASE \"say \"\"hi\"\"\";\n", script, StringComparison.Ordinal);
        var mount = run.Service("main_pg")["volumes"]!.AsArray()
            .Single(v => v!["target"].Text().StartsWith("/docker-entrypoint-initdb.d/", StringComparison.Ordinal))!;
        Assert.Equal("bind", mount["type"].Text());
        Assert.Equal("./main_pg-initdb.sql", mount["source"].Text());
        Assert.Null(run.Service("main_pg")["environment"]!["POSTGRES_DB"]);
    }

    [Fact]
    public async Task One_database_is_created_through_POSTGRES_DB()
    {
        var manifest = Manifest.Replace("Database=say \\\"hi\\\"", "Database=todos", StringComparison.Ordinal);

        var run = await ExportAsync(manifest);

        Assert.Equal("todos", run.Delivered("main_pg", "POSTGRES_DB"));
        Assert.False(File.Exists(Path.Combine(run.Directory, "main_pg-initdb.sql")));
    }

    [Fact]
    public async Task Exporting_again_without_the_need_for_an_init_script_removes_the_one_written_before()
    {
        var earlier = await ExportAsync();
        var script = Path.Combine(earlier.Directory, "main_pg-initdb.sql");
        Assert.True(File.Exists(script), "The first export wrote no init script.");
        var handWritten = Path.Combine(earlier.Directory, "mine-initdb.sql");
        await File.WriteAllTextAsync(handWritten, "-- kept\n", TestContext.Current.CancellationToken);

        await ExportAsync(Manifest.Replace("Database=say \\\"hi\\\"", "Database=todos", StringComparison.Ordinal));

        Assert.False(File.Exists(script), "The stale init script was left behind.");
        Assert.True(File.Exists(handWritten), "A file the exporter did not write was removed.");
    }

    [Fact]
    public async Task Named_volumes_keep_their_name_and_anonymous_ones_stay_anonymous()
    {
        var run = await ExportAsync();

        var volumes = run.Service("main_pg")["volumes"]!.AsArray();
        Assert.Contains(
            volumes, v => v!["source"].Text() == "apphost-1a2b3c-pgdata" && v["type"].Text() == "volume");
        Assert.Contains(volumes, v => v!["target"].Text() == "/tmp/scratch" && v["source"] is null);
        Assert.Equal(["apphost-1a2b3c-pgdata"], run.Compose["volumes"]!.AsObject().Select(v => v.Key));
    }

    [Fact]
    public async Task A_volume_named_by_Aspire_loses_the_machine_specific_AppHost_prefix()
    {
        var run = await ExportAsync(Manifest.Replace(
            "apphost-1a2b3c-pgdata", "aspireworkshop.apphost-06657949a8-main_pg-data", StringComparison.Ordinal));

        Assert.Equal(["main_pg-data"], run.Compose["volumes"]!.AsObject().Select(v => v.Key));
    }

    [Fact]
    public async Task Bind_mounts_are_relative_to_the_output_folder()
    {
        var run = await ExportAsync();

        var seed = run.Service("main_pg")["volumes"]!.AsArray().Single(v => v!["target"].Text() == "/seed")!;
        Assert.Equal("../seed", seed["source"].Text());
        Assert.True(seed["read_only"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Resource_names_become_valid_service_names_everywhere_they_are_used()
    {
        var run = await ExportAsync();

        Assert.Equal("Host=main_pg;Port=5432;Username=postgres;Database=todos", run.Delivered("app", "DB"));
        Assert.Equal("service_healthy", run.Service("app")["depends_on"]!["main_pg"]!["condition"].Text());
    }

    [Fact]
    public async Task Two_resources_that_normalise_to_one_service_name_are_an_error()
    {
        var manifest = """
            { "resources": {
                "Web": { "type": "container.v0", "image": "x" },
                "web": { "type": "container.v0", "image": "y" } } }
            """;

        var run = await Export.ConvertAsync(Export.WriteManifest(temp.Path, manifest), temp.Combine("deploy"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(
            "'Web' and 'web' would both become the Compose service 'web'", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();
}
