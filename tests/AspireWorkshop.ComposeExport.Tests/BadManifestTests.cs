using AspireWorkshop.ComposeExport.Tests.Infrastructure;

namespace AspireWorkshop.ComposeExport.Tests;

/// <summary>A manifest that cannot be exported fails clearly and leaves no file behind.</summary>
public sealed class BadManifestTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public static TheoryData<string, string, string> BadManifests => new()
    {
        { "not JSON", "{ \"resources\": { oops", "is not valid JSON" },
        {
            "unknown type",
            """{ "resources": { "fn": { "type": "azure.function.v0" } } }""",
            "'fn' has type 'azure.function.v0'"
        },
        {
            "missing reference",
            """
            { "resources": {
                "app": { "type": "container.v0", "image": "x", "env": { "A": "{db.connectionString}" } } } }
            """,
            "no resource 'db'"
        },
        {
            "cycle",
            """
            { "resources": {
                "a": { "type": "value.v0", "connectionString": "{b.connectionString}" },
                "b": { "type": "value.v0", "connectionString": "x;{a.connectionString}" },
                "app": { "type": "container.v0", "image": "x", "env": { "A": "{a.connectionString}" } } } }
            """,
            "Cycle in references: a.connectionString -> b.connectionString -> a.connectionString"
        },
        {
            "null env value",
            """{ "resources": { "app": { "type": "container.v0", "image": "x", "env": { "A": null } } } }""",
            "Resource 'app': env.A is null."
        },
        {
            "null argument",
            """{ "resources": { "app": { "type": "container.v0", "image": "x", "args": [ "a", null ] } } }""",
            "Resource 'app': args[1] is null."
        },
        {
            "null volume",
            """{ "resources": { "app": { "type": "container.v0", "image": "x", "volumes": [ null ] } } }""",
            "Resource 'app': volumes[0] is null."
        },
        {
            "volume without target",
            """
            { "resources": { "app": {
                "type": "container.v0", "image": "x", "volumes": [ { "name": "v", "target": null } ] } } }
            """,
            "Resource 'app': volumes[0].target is missing or empty."
        },
        {
            "bind mount without source",
            """
            { "resources": { "app": {
                "type": "container.v0", "image": "x", "bindMounts": [ { "source": null, "target": "/d" } ] } } }
            """,
            "Resource 'app': bindMounts[0].source is missing or empty."
        },
        {
            "build without context",
            """
            { "resources": { "app": {
                "type": "container.v1", "build": { "context": null, "dockerfile": "Dockerfile" } } } }
            """,
            "Resource 'app': build.context is missing or empty."
        },
        {
            "null parameter input",
            """
            { "resources": { "p": {
                "type": "parameter.v0", "value": "{p.inputs.value}", "inputs": { "value": null } } } }
            """,
            "Resource 'p': inputs.value is null."
        },
        {
            "negative target port",
            """
            { "resources": { "app": { "type": "container.v0", "image": "x",
                "bindings": { "http": { "scheme": "http", "targetPort": -1 } } } } }
            """,
            "Resource 'app': bindings.http.targetPort is -1, not a port (1-65535)."
        },
        {
            "external port out of range",
            """
            { "resources": { "app": { "type": "container.v0", "image": "x",
                "bindings": { "http": { "scheme": "http", "targetPort": 80, "port": 70000, "external": true } } } } }
            """,
            "Resource 'app': bindings.http.port is 70000, not a port (1-65535)."
        },
        {
            "empty env key",
            """{ "resources": { "app": { "type": "container.v0", "image": "x", "env": { "": "v" } } } }""",
            "Resource 'app': env has the key \"\""
        },
        {
            "env key with '='",
            """{ "resources": { "app": { "type": "container.v0", "image": "x", "env": { "A=B": "v" } } } }""",
            "Resource 'app': env has the key \"A=B\""
        },
        {
            "build argument key with a space",
            """
            { "resources": { "app": { "type": "container.v1",
                "build": { "context": ".", "dockerfile": "Dockerfile", "args": { "A B": "v" } } } } }
            """,
            "Resource 'app': build.args has the key \"A B\""
        },
        {
            "duplicate property",
            """{ "resources": { "app": { "type": "container.v0", "image": "x", "image": "y" } } }""",
            "is not valid JSON (line 1): Duplicate"
        },
        {
            "duplicate resource",
            """
            { "resources": {
                "app": { "type": "container.v0", "image": "x" },
                "app": { "type": "container.v0", "image": "y" } } }
            """,
            "is not valid JSON (line 3): Duplicate"
        },
        {
            "negative generated length",
            """
            { "resources": { "p": { "type": "parameter.v0", "value": "{p.inputs.value}", "inputs": {
                "value": { "type": "string", "secret": true, "default": {
                    "generate": { "minLength": -5 } } } } } } }
            """,
            "Resource 'p': inputs.value.default.generate.minLength is -5, not between 1 and 1024."
        },
        {
            "huge generated length",
            """
            { "resources": { "p": { "type": "parameter.v0", "value": "{p.inputs.value}", "inputs": {
                "value": { "type": "string", "secret": true, "default": {
                    "generate": { "minLength": 100000000 } } } } } } }
            """,
            "Resource 'p': inputs.value.default.generate.minLength is 100000000, not between 1 and 1024."
        },
        {
            "negative class minimum",
            """
            { "resources": { "p": { "type": "parameter.v0", "value": "{p.inputs.value}", "inputs": {
                "value": { "type": "string", "secret": true, "default": {
                    "generate": { "minLength": 8, "minNumeric": -1 } } } } } } }
            """,
            "Resource 'p': inputs.value.default.generate.minNumeric is -1, not between 0 and 1024."
        },
        {
            "minimum of a class not allowed",
            """
            { "resources": { "p": { "type": "parameter.v0", "value": "{p.inputs.value}", "inputs": {
                "value": { "type": "string", "secret": true, "default": {
                    "generate": { "minLength": 8, "upper": false, "minUpper": 2 } } } } } } }
            """,
            "Resource 'p': inputs.value.default.generate.minUpper is 2, but upper is false."
        },
        {
            "class minimums too long in all",
            """
            { "resources": { "p": { "type": "parameter.v0", "value": "{p.inputs.value}", "inputs": {
                "value": { "type": "string", "secret": true, "default": {
                    "generate": { "minLength": 8, "minLower": 1000, "minUpper": 1000 } } } } } } }
            """,
            "Resource 'p': inputs.value.default.generate asks for more than 1024 characters in all."
        },
        {
            "no class allowed",
            """
            { "resources": { "p": { "type": "parameter.v0", "value": "{p.inputs.value}", "inputs": {
                "value": { "type": "string", "secret": true, "default": {
                    "generate": {
                        "minLength": 8, "lower": false, "upper": false, "numeric": false, "special": false } } } } } } }
            """,
            "Resource 'p': inputs.value.default.generate allows no character class to generate from."
        },
    };

    [Theory]
    [MemberData(nameof(BadManifests))]
    public async Task A_bad_manifest_fails_with_a_one_line_error_and_writes_nothing(
        string fault, string manifest, string expected)
    {
        var run = await Export.ConvertAsync(Export.WriteManifest(temp.Path, manifest), temp.Combine("out"));

        Assert.True(run.ExitCode == 1, $"{fault}: exit code {run.ExitCode}");
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.False(Directory.Exists(run.Directory), $"{fault}: the output folder was created.");
    }

    [Theory]
    [MemberData(nameof(BadManifests))]
    public async Task A_bad_manifest_leaves_an_earlier_good_export_untouched(
        string fault, string manifest, string expected)
    {
        var good = await Export.ConvertValidAsync(Export.CaseManifest("nested-references"), temp.Combine("out"));
        var before = Directory.GetFiles(good.Directory).ToDictionary(f => f, File.ReadAllText);

        var run = await Export.ConvertAsync(Export.WriteManifest(temp.Path, manifest), good.Directory);

        Assert.True(run.ExitCode != 0, fault);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(good.Directory).ToDictionary(f => f, File.ReadAllText));
    }

    [Fact]
    public async Task An_unknown_type_is_left_out_with_a_warning_when_skipping_is_allowed()
    {
        var manifest = """
            { "resources": {
                "fn": { "type": "azure.function.v0" },
                "app": { "type": "container.v0", "image": "x" } } }
            """;

        var path = Export.WriteManifest(temp.Path, manifest);

        var run = await Export.ConvertValidAsync(path, temp.Combine("out"), ["--allow-skip"]);

        Assert.Contains("Resource 'fn' has type 'azure.function.v0'", run.Output, StringComparison.Ordinal);
        Assert.Equal(["app"], run.Compose["services"]!.AsObject().Select(s => s.Key));
    }

    [Fact]
    public async Task A_reference_to_a_skipped_resource_is_an_error_that_says_it_was_skipped()
    {
        var manifest = """
            { "resources": {
                "fn": { "type": "azure.function.v0" },
                "app": { "type": "container.v0", "image": "x", "env": { "F": "{fn.outputs.url}" } } } }
            """;

        var path = Export.WriteManifest(temp.Path, manifest);

        var run = await Export.ConvertAsync(path, temp.Combine("out"), ["--allow-skip"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("resource 'fn' of type 'azure.function.v0' was skipped", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_command_line_exits_with_a_usage_error()
    {
        var run = await Export.ConvertAsync(Export.CaseManifest("endpoints"), temp.Combine("out"), ["--bogus"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unexpected argument '--bogus'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_path_that_is_a_file_is_an_error_that_names_it()
    {
        var file = temp.Combine("taken");
        await File.WriteAllTextAsync(file, "not a folder", TestContext.Current.CancellationToken);

        var run = await Export.ConvertAsync(Export.CaseManifest("endpoints"), file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Cannot write the export to --output '{file}'", run.Error, StringComparison.Ordinal);
        Assert.Equal("not a folder", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_output_path_below_a_file_is_an_error_that_names_it()
    {
        var file = temp.Combine("taken");
        await File.WriteAllTextAsync(file, "not a folder", TestContext.Current.CancellationToken);
        var below = Path.Combine(file, "out");

        var run = await Export.ConvertAsync(Export.CaseManifest("endpoints"), below);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Cannot write the export to --output '{below}'", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();
}
