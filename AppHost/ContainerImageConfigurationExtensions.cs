namespace AspireWorkshop.AppHost;

/// <summary>Lets configuration swap a container's image without touching the app model.</summary>
public static class ContainerImageConfigurationExtensions
{
    /// <summary>
    /// Uses the image reference (<c>[registry/]repository[:tag]</c>) found under
    /// <paramref name="configurationKey"/>, and Aspire's default image when the key is absent.
    /// The bare-machine set-up uses this to point at a locally built stand-in when the upstream
    /// image cannot be pulled; nothing is set on a machine that can pull it.
    /// </summary>
    public static IResourceBuilder<T> WithImageFromConfiguration<T>(this IResourceBuilder<T> builder, string configurationKey)
        where T : ContainerResource
    {
        var reference = builder.ApplicationBuilder.Configuration[configurationKey];
        if (string.IsNullOrWhiteSpace(reference))
        {
            return builder;
        }

        var image = ContainerImageReference.Parse(reference);

        return builder
            .WithImageRegistry(image.Registry)
            .WithImage(image.Repository, image.Tag);
    }
}
