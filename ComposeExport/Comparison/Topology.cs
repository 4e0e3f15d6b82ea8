namespace AspireWorkshop.ComposeExport.Comparison;

/// <summary>What a deployment is made of, reduced to what an AppHost and a Compose file can both say.</summary>
/// <param name="Services">The services by name.</param>
/// <param name="Volumes">The named volumes.</param>
public sealed record Topology(IReadOnlyDictionary<string, ServiceTopology> Services, IReadOnlySet<string> Volumes);

/// <summary>One service of a <see cref="Topology"/>.</summary>
/// <param name="Source">
/// Where the service comes from: <c>image NAME</c>, <c>build DOCKERFILE</c> or <c>project CSPROJ</c>.
/// </param>
/// <param name="PublishedPorts">
/// Container ports reachable from the host (<c>https</c> for an HTTPS endpoint without a port).
/// </param>
/// <param name="EnvironmentKeys">The names of the environment variables the service is given.</param>
/// <param name="DependsOn">The services it needs.</param>
/// <param name="Volumes">The named volumes it mounts.</param>
public sealed record ServiceTopology(
    string Source,
    IReadOnlySet<string> PublishedPorts,
    IReadOnlySet<string> EnvironmentKeys,
    IReadOnlySet<string> DependsOn,
    IReadOnlySet<string> Volumes)
{
    /// <summary>The aspects that hold a set of items, in the order they are printed.</summary>
    public static IReadOnlyList<TopologyAspect> SetAspects { get; } =
        [TopologyAspect.Port, TopologyAspect.Environment, TopologyAspect.DependsOn, TopologyAspect.Volume];

    /// <summary>The items of one aspect, by aspect.</summary>
    public IReadOnlySet<string> Items(TopologyAspect aspect) => aspect switch
    {
        TopologyAspect.Port => PublishedPorts,
        TopologyAspect.Environment => EnvironmentKeys,
        TopologyAspect.DependsOn => DependsOn,
        TopologyAspect.Volume => Volumes,
        _ => throw new ArgumentOutOfRangeException(nameof(aspect), aspect, "Only set-valued aspects have items."),
    };
}

/// <summary>The aspects of a service the comparison looks at.</summary>
public enum TopologyAspect
{
    /// <summary>The image or build.</summary>
    Source,

    /// <summary>A published port.</summary>
    Port,

    /// <summary>An environment variable's name.</summary>
    Environment,

    /// <summary>A service this one depends on.</summary>
    DependsOn,

    /// <summary>A named volume it mounts.</summary>
    Volume,
}
