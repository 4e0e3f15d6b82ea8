namespace AspireWorkshop.ComposeExport.Conversion;

/// <summary>The manifest resource types the exporter understands.</summary>
internal static class ResourceTypes
{
    public static bool IsProject(string type) => type is "project.v0" or "project.v1";

    public static bool IsContainer(string type) => type is "container.v0" or "container.v1";

    /// <summary>Types that become a Compose service.</summary>
    public static bool IsService(string type) => IsProject(type) || IsContainer(type) || type == "dockerfile.v0";

    /// <summary>Types that only hold values for expressions.</summary>
    public static bool IsValue(string type) => type is "parameter.v0" or "value.v0" or "annotated.string";

    public static bool IsKnown(string type) => IsService(type) || IsValue(type);
}
