namespace AspireWorkshop.AppHost;

/// <summary>An image reference split the way Docker reads it: registry, repository and tag.</summary>
public sealed record ContainerImageReference(string? Registry, string Repository, string Tag)
{
    private const string DefaultTag = "latest";

    /// <summary>
    /// Parses <c>[registry/]repository[:tag]</c>. The first path segment is a registry only when it
    /// looks like a host (it has a dot or a port, or is <c>localhost</c>), as Docker decides.
    /// </summary>
    public static ContainerImageReference Parse(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);

        var remainder = reference.Trim();
        string? registry = null;
        var firstSlash = remainder.IndexOf('/', StringComparison.Ordinal);
        if (firstSlash > 0 && LooksLikeRegistry(remainder[..firstSlash]))
        {
            registry = remainder[..firstSlash];
            remainder = remainder[(firstSlash + 1)..];
        }

        var tagSeparator = remainder.LastIndexOf(':');
        if (tagSeparator > remainder.LastIndexOf('/'))
        {
            return new(registry, remainder[..tagSeparator], remainder[(tagSeparator + 1)..]);
        }

        return new(registry, remainder, DefaultTag);
    }

    private static bool LooksLikeRegistry(string segment) =>
        segment.Contains('.', StringComparison.Ordinal)
        || segment.Contains(':', StringComparison.Ordinal)
        || segment == "localhost";
}
