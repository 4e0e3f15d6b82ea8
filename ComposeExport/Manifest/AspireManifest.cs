namespace AspireWorkshop.ComposeExport.Manifest;

/// <summary>
/// An Aspire deployment manifest: what <c>dotnet run --project AppHost -- --publisher manifest</c> writes.
/// </summary>
/// <param name="Resources">The resources by name, in the order the manifest lists them.</param>
public sealed record AspireManifest(IReadOnlyDictionary<string, ManifestResource> Resources);
