using AspireWorkshop.ComposeExport.Manifest;

namespace AspireWorkshop.ComposeExport.Conversion;

/// <summary>An endpoint as it exists in the Compose network.</summary>
/// <param name="Resource">The manifest resource.</param>
/// <param name="Service">The Compose service, which is also the host name other containers use.</param>
/// <param name="Binding">The manifest binding name.</param>
/// <param name="Scheme">The URI scheme.</param>
/// <param name="Protocol"><c>tcp</c> or <c>udp</c>.</param>
/// <param name="TargetPort">The port inside the container, which is also what other containers connect to.</param>
/// <param name="HostPort">The port published on 127.0.0.1, for external endpoints only.</param>
/// <param name="Dropped">Why the endpoint does not exist in Compose, if it does not.</param>
/// <param name="HostPortChosen">Whether the export chose <paramref name="HostPort"/>, the manifest giving none.</param>
internal sealed record ServiceEndpoint(
    string Resource,
    string Service,
    string Binding,
    string Scheme,
    string Protocol,
    int TargetPort,
    int? HostPort,
    string? Dropped,
    bool HostPortChosen = false)
{
    /// <summary>The URL another container uses: the service name and the container port.</summary>
    public string Url => $"{Scheme}://{Service}:{TargetPort}";
}

/// <summary>Decides the container and host port of every endpoint of every service.</summary>
internal sealed class EndpointPlan
{
    /// <summary>ASP.NET Core container images listen on 8080 unless HTTP_PORTS says otherwise.</summary>
    public const int AspNetHttpPort = 8080;

    // Chosen host ports come from a range below Linux's ephemeral ports (32768 and up), so they
    // do not collide with the source ports of outgoing connections.
    private const int ChosenPortBase = 10000;
    private const int ChosenPortCount = 20000;

    private readonly Dictionary<(string Resource, string Binding), ServiceEndpoint> endpoints = [];

    public EndpointPlan(
        IReadOnlyList<(string Resource, string Service, ManifestResource Definition)> services,
        IReadOnlyDictionary<string, int?> publishedServices)
    {
        foreach (var unknown in publishedServices.Keys.Where(s => services.All(service => service.Service != s)))
        {
            throw new ComposeExportException($"There is no service '{unknown}' to publish.");
        }

        var wanted = new List<WantedPort>();
        foreach (var (resource, service, definition) in services)
        {
            var isProject = ResourceTypes.IsProject(definition.Type);
            var firstHttp = true;
            foreach (var (binding, endpoint) in definition.Bindings ?? new Dictionary<string, ManifestBinding>())
            {
                var protocol = endpoint.Protocol ?? "tcp";
                if (isProject && endpoint.Scheme == "https")
                {
                    var reason = "there is no development certificate in Compose, so the project serves HTTP only";
                    endpoints[(resource, binding)] =
                        new ServiceEndpoint(resource, service, binding, endpoint.Scheme, protocol, 0, null, reason);
                    continue;
                }

                // Aspire leaves out the target port of a project's first HTTP endpoint: the project listens
                // where HTTP_PORTS says, and in an ASP.NET container that is 8080 by convention.
                int? target = endpoint.TargetPort
                    ?? (isProject && endpoint.Scheme == "http" && firstHttp ? AspNetHttpPort : (int?)null)
                    ?? (isProject ? null : endpoint.Port);
                firstHttp &= !(isProject && endpoint.Scheme == "http");
                if (target is null)
                {
                    throw new ComposeExportException(
                        $"Binding '{binding}' of resource '{resource}' has no targetPort, "
                        + "so its container port is unknown.");
                }

                endpoints[(resource, binding)] = new ServiceEndpoint(
                    resource, service, binding, endpoint.Scheme, protocol, target.Value, null, null);
                var published = publishedServices.TryGetValue(service, out var publishedPort)
                    && endpoint.Scheme == "http";
                if (published || endpoint.External)
                {
                    var manifestPort = endpoint.External ? endpoint.Port : null;
                    wanted.Add(new WantedPort(resource, service, binding, publishedPort ?? manifestPort));
                }
            }
        }

        AssignHostPorts(wanted);
    }

    /// <summary>Every endpoint that exists in Compose, for one resource.</summary>
    public IEnumerable<ServiceEndpoint> Of(string resource) =>
        endpoints.Values.Where(e => e.Resource == resource && e.Dropped is null);

    /// <summary>Endpoints of all resources that Compose cannot provide.</summary>
    public IEnumerable<ServiceEndpoint> DroppedEndpoints => endpoints.Values.Where(e => e.Dropped is not null);

    /// <summary>Ports published on the host.</summary>
    public IEnumerable<PublishedPort> Published => endpoints.Values
        .Where(e => e.HostPort is not null)
        .Select(e => new PublishedPort(e.Service, e.Binding, e.HostPort!.Value, e.TargetPort, e.HostPortChosen));

    /// <summary>
    /// The endpoint a reference reaches. A reference to a dropped HTTPS endpoint falls back to the
    /// resource's HTTP endpoint, so a caller that asked for HTTPS still reaches the service.
    /// </summary>
    public (ServiceEndpoint Endpoint, bool FellBack) Find(string resource, string binding)
    {
        if (!endpoints.TryGetValue((resource, binding), out var endpoint))
        {
            throw new ComposeExportException($"Resource '{resource}' has no binding '{binding}'.");
        }

        if (endpoint.Dropped is null)
        {
            return (endpoint, false);
        }

        var fallback = Of(resource).FirstOrDefault(e => e.Scheme == "http")
            ?? throw new ComposeExportException(
                $"Binding '{binding}' of resource '{resource}' is dropped ({endpoint.Dropped}) and there is no HTTP "
                + "endpoint to use instead.");

        return (fallback, true);
    }

    private void AssignHostPorts(List<WantedPort> wanted)
    {
        var used = new Dictionary<int, string>();

        // Ports the manifest states are honoured first; a chosen port then never takes one of them.
        foreach (var (resource, service, binding, given) in wanted.Where(w => w.Port is not null))
        {
            var port = given!.Value;
            if (!used.TryAdd(port, $"{service}/{binding}"))
            {
                throw new ComposeExportException(
                    $"Host port {port} is wanted by both {used[port]} and {service}/{binding}.");
            }

            endpoints[(resource, binding)] = endpoints[(resource, binding)] with { HostPort = port };
        }

        // A port derived from the name stays the same from one export to the next, so bookmarks keep working.
        foreach (var (resource, service, binding, _) in wanted.Where(w => w.Port is null)
                     .OrderBy(w => w.Service, StringComparer.Ordinal).ThenBy(w => w.Binding, StringComparer.Ordinal))
        {
            var port = ChosenPortBase + (int)(Fnv1a($"{service}/{binding}") % ChosenPortCount);
            while (used.ContainsKey(port))
            {
                port = ChosenPortBase + ((port - ChosenPortBase + 1) % ChosenPortCount);
            }

            used[port] = $"{service}/{binding}";
            endpoints[(resource, binding)] =
                endpoints[(resource, binding)] with { HostPort = port, HostPortChosen = true };
        }
    }

    private sealed record WantedPort(string Resource, string Service, string Binding, int? Port);

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }
}
