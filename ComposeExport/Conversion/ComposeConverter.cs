using System.Globalization;
using AspireWorkshop.ComposeExport.Compose;
using AspireWorkshop.ComposeExport.Manifest;

namespace AspireWorkshop.ComposeExport.Conversion;

/// <summary>Converts an Aspire deployment manifest into a Compose deployment, in memory.</summary>
public sealed class ComposeConverter
{
    private const string InitScriptTarget = "/docker-entrypoint-initdb.d/aspire-databases.sql";

    private readonly AspireManifest manifest;
    private readonly ConversionOptions options;
    private readonly Dictionary<string, string> serviceNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> skipped = new(StringComparer.Ordinal);
    private readonly List<ServiceDraft> drafts = [];
    private readonly SortedDictionary<string, ComposeVolume> volumes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> volumeSources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> extraFiles = new(StringComparer.Ordinal);
    private readonly List<string> dropped = [];
    private readonly List<string> warnings = [];
    private readonly ParameterStore parameters;
    private readonly SecretPlacement placement;
    private EndpointPlan endpoints = null!;
    private ExpressionResolver resolver = null!;

    private ComposeConverter(AspireManifest manifest, ConversionOptions options)
    {
        this.manifest = manifest;
        this.options = options;
        parameters = new ParameterStore(options);
        placement = new SecretPlacement(parameters);
    }

    /// <summary>Converts <paramref name="manifest"/>; nothing is written to disk.</summary>
    /// <exception cref="ComposeExportException">The manifest cannot be exported; the message says why.</exception>
    public static ConversionResult Convert(AspireManifest manifest, ConversionOptions options) =>
        new ComposeConverter(manifest, options).Run();

    private ConversionResult Run()
    {
        NameServices();
        endpoints = new EndpointPlan(
            [.. drafts.Select(d => (d.Resource, d.Service, d.Definition))], options.PublishedServices);
        resolver = new ExpressionResolver(manifest, endpoints, parameters, serviceNames, skipped);
        foreach (var draft in drafts)
        {
            Fill(draft);
        }

        CreateDatabases();
        AddHealthchecks();
        dropped.AddRange(endpoints.DroppedEndpoints.Select(e => $"{e.Service}: endpoint '{e.Binding}' ({e.Dropped})."));

        var order = StartupOrder.Resolve(
            [.. drafts.Select(d => d.Service)],
            drafts.ToDictionary(d => d.Service, d => (IReadOnlySet<string>)d.References),
            warnings);
        var healthy = drafts.Where(d => d.Healthcheck is not null).Select(d => d.Service).ToHashSet();

        var services = new Dictionary<string, ComposeService>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            services[draft.Service] = draft.ToCompose(order[draft.Service].ToDictionary(
                dependency => dependency,
                dependency => new ComposeDependency(
                    healthy.Contains(dependency) ? "service_healthy" : "service_started")));
        }

        var compose = new ComposeFile(services, volumes.Count > 0 ? volumes : null);
        var summary = new ExportSummary(
            [.. drafts.Select(d => d.Service)],
            [.. endpoints.Published.OrderBy(p => p.Service, StringComparer.Ordinal)],
            [.. parameters.EnvEntries.Select(e => e.Info)],
            dropped,
            warnings);

        var yaml = ComposeYamlWriter.Write(compose, ComposeHeader);

        return new ConversionResult(compose, yaml, DotEnv(), extraFiles, summary);
    }

    private static string[] ComposeHeader =>
    [
        "Written by the AspireWorkshop Compose exporter from the Aspire manifest; export again rather than edit.",
        "Secrets are not in this file: Compose reads them from .env next to it.",
    ];

    private void NameServices()
    {
        var unknown = manifest.Resources.Where(r => !ResourceTypes.IsKnown(r.Value.Type)).ToList();
        foreach (var (name, resource) in unknown)
        {
            skipped[name] = resource.Type;
            warnings.Add($"Resource '{name}' has type '{resource.Type}', which Compose cannot run; it was left out.");
        }

        if (unknown.Count > 0 && !options.AllowSkip)
        {
            var names = string.Join(", ", unknown.Select(u => $"'{u.Key}' has type '{u.Value.Type}'"));
            throw new ComposeExportException(
                $"Resource {names}, which the exporter does not know; pass --allow-skip to leave such resources out.");
        }

        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, resource) in manifest.Resources.Where(r => ResourceTypes.IsService(r.Value.Type)))
        {
            if (resource.Build?.BuildOnly == true)
            {
                dropped.Add($"{name}: built only to feed other images, so it runs as no service.");
                continue;
            }

            var service = Names.Service(name);
            if (!owners.TryAdd(service, name))
            {
                throw new ComposeExportException(
                    $"Resources '{owners[service]}' and '{name}' would both become the Compose service '{service}'.");
            }

            serviceNames[name] = service;
            drafts.Add(new ServiceDraft(name, service, resource));
        }
    }

    private void Fill(ServiceDraft draft)
    {
        var definition = draft.Definition;
        var isProject = ResourceTypes.IsProject(definition.Type);
        foreach (var (key, template) in definition.Env ?? new Dictionary<string, string>())
        {
            // A project's HTTPS endpoint is dropped (no development certificate): Kestrel must not try to bind it.
            if (isProject && key == "HTTPS_PORTS")
            {
                dropped.Add($"{draft.Service}: {key} (the project serves HTTP only).");
                continue;
            }

            var value = Resolve(draft, template, $"{draft.Resource}.env.{key}");
            if (value.UsedDroppedEndpoint && key.Contains("https", StringComparison.OrdinalIgnoreCase))
            {
                dropped.Add($"{draft.Service}: {key} (it pointed to an HTTPS endpoint that Compose does not have).");
                continue;
            }

            if (value.UsedDroppedEndpoint)
            {
                warnings.Add($"{draft.Service}: {key} uses HTTP because the HTTPS endpoint it named was dropped.");
            }

            draft.ResolvedEnv[key] = value;
            draft.Environment[key] = placement.Place(value, draft.Service, key);
        }

        if (definition.Entrypoint is { Length: > 0 } entrypoint)
        {
            draft.Entrypoint = [Place(draft, entrypoint, "ENTRYPOINT")];
        }

        if (definition.Args is { Count: > 0 } args)
        {
            draft.Command = [.. args.Select((arg, i) => Place(draft, arg, $"ARG{i}"))];
        }

        draft.Image = definition.Image is { } image ? Place(draft, image, "IMAGE") : null;
        draft.Build = BuildSection(draft);
        if (draft.Build is not null)
        {
            draft.Image ??= ComposeText.Literal($"{options.ImagePrefix}{draft.Service}:{options.ImageTag}");
        }

        AddEndpoints(draft);
        AddMounts(draft);

        // Neither exists in both Compose CLIs (1.29 has no build secrets), so they are named, not silently lost.
        if (definition.ContainerFiles is { Count: > 0 })
        {
            dropped.Add($"{draft.Service}: containerFiles (copying files between images is not exported).");
        }

        if (definition.Build?.Secrets is { Count: > 0 })
        {
            dropped.Add($"{draft.Service}: build secrets (docker-compose 1.29 cannot pass them to a build).");
        }
    }

    private string Place(ServiceDraft draft, string template, string key) =>
        placement.Place(Resolve(draft, template, $"{draft.Resource}.{key.ToLowerInvariant()}"), draft.Service, key);

    private ResolvedValue Resolve(ServiceDraft draft, string template, string owner)
    {
        var value = resolver.Resolve(template, owner);
        draft.References.UnionWith(value.Services);

        return value;
    }

    private ComposeBuild? BuildSection(ServiceDraft draft)
    {
        var definition = draft.Definition;
        if (ResourceTypes.IsProject(definition.Type))
        {
            return ProjectBuild(draft);
        }

        (string Context, string Dockerfile, string? Stage, IReadOnlyDictionary<string, string>? Args)? spec =
            definition switch
        {
            { Type: "dockerfile.v0", Path: { } path, Context: { } buildContext } =>
                (buildContext, path, null, definition.BuildArgs),
            { Build: { } build } => (build.Context, build.Dockerfile, build.Stage, build.Args),
            { Image: not null } => null,
            _ => throw new ComposeExportException($"Resource '{draft.Resource}' has neither an image nor a build."),
        };
        if (spec is not var (context, dockerfile, stage, args))
        {
            return null;
        }

        var contextPath = FromManifest(context);
        var buildArgs = args?.ToDictionary(
            arg => arg.Key,
            arg => Place(draft, arg.Value, $"BUILD_{arg.Key}"));

        return new ComposeBuild(
            ComposeText.Literal(RelativeToOutput(contextPath)),
            ComposeText.Literal(Path.GetRelativePath(contextPath, FromManifest(dockerfile))),
            stage is null ? null : ComposeText.Literal(stage),
            buildArgs);
    }

    private ComposeBuild ProjectBuild(ServiceDraft draft)
    {
        var project = FromManifest(draft.Definition.Path
            ?? throw new ComposeExportException($"Project '{draft.Resource}' has no path."));
        var projectDirectory = Path.GetDirectoryName(project)!;
        var dockerfile = Path.Combine(projectDirectory, "Dockerfile");
        if (!File.Exists(dockerfile))
        {
            throw new ComposeExportException(
                $"Project '{draft.Resource}' needs a Dockerfile next to {project} to be built for Compose; "
                + "there is none.");
        }

        var root = options.ProjectRoot is { } given ? Path.GetFullPath(given) : SolutionRoot(projectDirectory);
        var dockerfileInContext = Path.GetRelativePath(root, dockerfile);
        if (dockerfileInContext.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(dockerfileInContext))
        {
            throw new ComposeExportException(
                $"Project '{draft.Resource}' lies outside the project root {root}; "
                + "pass --project-root with a folder that holds it.");
        }

        draft.Assembly = Path.GetFileNameWithoutExtension(project);

        // The Dockerfiles take their base images as build arguments, so a machine without registry
        // access can build from local stand-ins by setting DOTNET_SDK_IMAGE and ASPNET_IMAGE.
        return new ComposeBuild(
            ComposeText.Literal(RelativeToOutput(root)),
            ComposeText.Literal(dockerfileInContext),
            null,
            new Dictionary<string, string>
            {
                ["DOTNET_SDK_IMAGE"] = ComposeText.Variable("DOTNET_SDK_IMAGE", options.DotnetSdkImage),
                ["ASPNET_IMAGE"] = ComposeText.Variable("ASPNET_IMAGE", options.AspnetImage),
            });
    }

    /// <summary>The nearest folder at or above <paramref name="directory"/> that holds a solution file.</summary>
    private static string SolutionRoot(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if (current.EnumerateFiles("*.sln").Any() || current.EnumerateFiles("*.slnx").Any())
            {
                return current.FullName;
            }
        }

        return directory;
    }

    private void AddEndpoints(ServiceDraft draft)
    {
        foreach (var endpoint in endpoints.Of(draft.Resource))
        {
            var suffix = endpoint.Protocol == "udp" ? "/udp" : "";
            var target = endpoint.TargetPort.ToString(CultureInfo.InvariantCulture);
            if (endpoint.HostPort is { } hostPort)
            {
                // Loopback only: the workshop's services are for this machine, not its network.
                draft.Ports.Add($"127.0.0.1:{hostPort.ToString(CultureInfo.InvariantCulture)}:{target}{suffix}");
            }
            else if (!draft.Expose.Contains(target + suffix))
            {
                draft.Expose.Add(target + suffix);
            }
        }
    }

    private void AddMounts(ServiceDraft draft)
    {
        foreach (var volume in draft.Definition.Volumes ?? [])
        {
            if (string.IsNullOrEmpty(volume.Name))
            {
                draft.Mounts.Add(
                    new ComposeMount("volume", null, ComposeText.Literal(volume.Target), ReadOnly(volume.ReadOnly)));
                continue;
            }

            var name = Names.ComposeVolume(volume.Name);
            if (!volumeSources.TryAdd(name, volume.Name) && volumeSources[name] != volume.Name)
            {
                throw new ComposeExportException(
                    $"Volumes '{volumeSources[name]}' and '{volume.Name}' would both become "
                    + $"the Compose volume '{name}'.");
            }

            volumes[name] = new ComposeVolume();
            draft.Mounts.Add(
                new ComposeMount("volume", name, ComposeText.Literal(volume.Target), ReadOnly(volume.ReadOnly)));
        }

        foreach (var mount in draft.Definition.BindMounts ?? [])
        {
            var source = RelativeToOutput(FromManifest(mount.Source));
            draft.Mounts.Add(new ComposeMount(
                "bind", ComposeText.Literal(source), ComposeText.Literal(mount.Target), ReadOnly(mount.ReadOnly)));
        }
    }

    private void CreateDatabases()
    {
        foreach (var (resource, databases) in PostgresDatabases.Find(manifest))
        {
            if (drafts.FirstOrDefault(d => d.Resource == resource) is not { } server)
            {
                continue;
            }

            var defaultDatabase = server.ResolvedEnv.GetValueOrDefault("POSTGRES_DB")?.Text;
            var missing = databases.Where(d => d != defaultDatabase).ToList();
            if (missing.Count == 1 && defaultDatabase is null)
            {
                // The image creates POSTGRES_DB itself; one database needs no script.
                server.Environment["POSTGRES_DB"] = ComposeText.Literal(missing[0]);
            }
            else if (missing.Count > 0)
            {
                var file = server.Service + PostgresDatabases.InitScriptSuffix;
                extraFiles[file] = PostgresDatabases.InitScript(missing);
                server.Mounts.Add(new ComposeMount("bind", ComposeText.Literal($"./{file}"), InitScriptTarget, true));
            }
        }
    }

    private void AddHealthchecks()
    {
        foreach (var draft in drafts)
        {
            if (HealthChecks.IsPostgresServer(draft.Definition))
            {
                var port = endpoints.Of(draft.Resource).FirstOrDefault(e => e.Scheme == "tcp")?.TargetPort ?? 5432;
                draft.Healthcheck = HealthChecks.Postgres(port, draft.ResolvedEnv.GetValueOrDefault("POSTGRES_USER"));
            }
            else if (draft.Assembly is { } assembly && options.ProjectHealthcheck is { } template
                     && endpoints.Of(draft.Resource).FirstOrDefault(e => e.Scheme == "http") is { } http)
            {
                var port = http.TargetPort.ToString(CultureInfo.InvariantCulture);
                var url = $"http://127.0.0.1:{port}{options.HealthPath}";
                draft.Healthcheck = HealthChecks.Project(template, assembly, url);
            }
        }
    }

    private string DotEnv()
    {
        var lines = new List<string>
        {
            "# Secrets and generated values for compose.yaml, which refers to each as ${NAME}.",
            "# Written by the AspireWorkshop Compose exporter with mode 0600: keep it private.",
        };
        if (parameters.EnvEntries.Count > 0)
        {
            lines.Add("");
            lines.Add("# Parameters: exporting again into this folder keeps these values.");
            lines.AddRange(parameters.EnvEntries.Select(e => DotEnvFormat.FormatEntry(e.Info.Variable, e.Value)));
        }

        if (placement.Composed.Count > 0)
        {
            lines.Add("");
            lines.Add("# Values that embed a secret, such as connection strings; recomputed on every export.");
            lines.AddRange(placement.Composed.Select(e => DotEnvFormat.FormatEntry(e.Variable, e.Value)));
        }

        return string.Join('\n', lines) + "\n";
    }

    private string FromManifest(string path) => Path.GetFullPath(Path.Combine(options.ManifestDirectory, path));

    private string RelativeToOutput(string path)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(options.OutputDirectory), path).Replace('\\', '/');

        // Compose reads a bare name as a volume name; a leading './' makes it a path.
        return relative == "." || relative.StartsWith("../", StringComparison.Ordinal) || relative == ".."
            || Path.IsPathRooted(relative)
            ? relative
            : $"./{relative}";
    }

    private static bool? ReadOnly(bool readOnly) => readOnly ? true : null;
}
