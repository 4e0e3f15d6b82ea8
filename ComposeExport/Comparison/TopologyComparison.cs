namespace AspireWorkshop.ComposeExport.Comparison;

/// <summary>The three descriptions of one app that the comparison lines up.</summary>
public enum TopologySide
{
    /// <summary>The AppHost, as its manifest describes it.</summary>
    AppHost,

    /// <summary>The Compose file the exporter writes from that manifest.</summary>
    Export,

    /// <summary>The Compose file a person wrote.</summary>
    HandWritten,
}

/// <summary>One way the three descriptions disagree.</summary>
/// <param name="Service">The service, or <c>(volumes)</c> for the top-level volumes.</param>
/// <param name="Aspect">What differs.</param>
/// <param name="Item">The item: a variable, port, dependency or volume; the service itself for its source.</param>
/// <param name="Values">Each side's value: the source, or whether the side has the item.</param>
/// <param name="Explanation">Why the difference is expected, or null when nothing explains it.</param>
public sealed record TopologyDifference(
    string Service,
    TopologyAspect Aspect,
    string Item,
    IReadOnlyDictionary<TopologySide, string?> Values,
    string? Explanation)
{
    /// <summary>The sides that have the item (for a source: that have the service).</summary>
    public IEnumerable<TopologySide> Holders => Values.Where(v => v.Value is not null).Select(v => v.Key);
}

/// <summary>Lines up the topologies of the AppHost, the export and a hand-written Compose file.</summary>
public static class TopologyComparison
{
    /// <summary>Every difference, each with its explanation when it is an expected one.</summary>
    public static IReadOnlyList<TopologyDifference> Compare(IReadOnlyDictionary<TopologySide, Topology> sides)
    {
        var differences = new List<TopologyDifference>();
        var serviceNames = sides.Values.SelectMany(t => t.Services.Keys).Distinct().Order(StringComparer.Ordinal);
        foreach (var service in serviceNames)
        {
            var present = sides.ToDictionary(s => s.Key, s => s.Value.Services.GetValueOrDefault(service));
            var sources = present.ToDictionary(p => p.Key, p => p.Value?.Source);
            if (sources.Values.Distinct().Count() > 1)
            {
                differences.Add(Explained(service, TopologyAspect.Source, service, sources));
            }

            foreach (var aspect in ServiceTopology.SetAspects)
            {
                var items = present.Values.OfType<ServiceTopology>().SelectMany(s => s.Items(aspect))
                    .Distinct().Order(StringComparer.Ordinal);
                foreach (var item in items)
                {
                    var holders = present.ToDictionary(
                        p => p.Key, p => p.Value?.Items(aspect).Contains(item) == true ? "yes" : null);
                    if (holders.Values.Any(h => h is null))
                    {
                        differences.Add(Explained(service, aspect, item, holders));
                    }
                }
            }
        }

        foreach (var volume in sides.Values.SelectMany(t => t.Volumes).Distinct().Order(StringComparer.Ordinal))
        {
            var holders = sides.ToDictionary(s => s.Key, s => s.Value.Volumes.Contains(volume) ? "yes" : null);
            if (holders.Values.Any(h => h is null))
            {
                differences.Add(Explained("(volumes)", TopologyAspect.Volume, volume, holders));
            }
        }

        return differences;
    }

    private static TopologyDifference Explained(
        string service, TopologyAspect aspect, string item, Dictionary<TopologySide, string?> values)
    {
        var difference = new TopologyDifference(service, aspect, item, values, null);

        return difference with { Explanation = ExpectedDifferences.Explain(difference) };
    }
}
