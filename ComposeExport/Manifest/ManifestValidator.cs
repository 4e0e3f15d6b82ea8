namespace AspireWorkshop.ComposeExport.Manifest;

/// <summary>
/// Checks a deserialized manifest once, before any conversion: JSON lets any field be null or missing and
/// any number be out of range, and the converter relies on what this class has checked.
/// </summary>
internal static class ManifestValidator
{
    /// <summary>The longest value the exporter generates; longer rules are a mistake, not a wish.</summary>
    public const int MaxGeneratedLength = 1024;

    private const int MaxPort = 65535;

    /// <summary>Throws a <see cref="ComposeExportException"/> naming the resource and field at fault.</summary>
    public static void Validate(AspireManifest manifest)
    {
        foreach (var (name, resource) in manifest.Resources)
        {
            if (resource is null || string.IsNullOrEmpty(resource.Type))
            {
                throw new ComposeExportException($"Resource '{name}' has no \"type\".");
            }

            CheckEnvironment(name, "env", resource.Env);
            CheckEnvironment(name, "buildArgs", resource.BuildArgs);
            CheckList(name, "args", resource.Args);
            CheckBindings(name, resource.Bindings);
            CheckMounts(name, resource);
            CheckBuild(name, resource.Build);
            CheckInputs(name, resource.Inputs);
        }
    }

    /// <summary>
    /// Compose reads <c>KEY=value</c> lines and mapping keys: an empty key, one holding '=' or white space
    /// would be rejected by Compose or read as a different variable.
    /// </summary>
    private static void CheckEnvironment(string resource, string field, IReadOnlyDictionary<string, string>? values)
    {
        foreach (var (key, value) in values ?? new Dictionary<string, string>())
        {
            if (key.Length == 0 || key.Contains('=', StringComparison.Ordinal)
                || key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                throw Fault(resource, $"{field} has the key \"{key}\", which is empty or holds '=', "
                    + "white space or a control character; Compose cannot carry it");
            }

            if (value is null)
            {
                throw Fault(resource, $"{field}.{key} is null");
            }
        }
    }

    private static void CheckList(string resource, string field, IReadOnlyList<string>? values)
    {
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            if (values![i] is null)
            {
                throw Fault(resource, $"{field}[{i}] is null");
            }
        }
    }

    private static void CheckBindings(string resource, IReadOnlyDictionary<string, ManifestBinding>? bindings)
    {
        foreach (var (name, binding) in bindings ?? new Dictionary<string, ManifestBinding>())
        {
            if (string.IsNullOrEmpty(binding?.Scheme))
            {
                throw new ComposeExportException($"Binding '{name}' of resource '{resource}' has no \"scheme\".");
            }

            foreach (var (field, port) in new[] { ("targetPort", binding.TargetPort), ("port", binding.Port) })
            {
                if (port is < 1 or > MaxPort)
                {
                    throw Fault(resource, $"bindings.{name}.{field} is {port}, not a port (1-{MaxPort})");
                }
            }
        }
    }

    private static void CheckMounts(string resource, ManifestResource definition)
    {
        for (var i = 0; i < (definition.Volumes?.Count ?? 0); i++)
        {
            var volume = definition.Volumes![i]
                ?? throw Fault(resource, $"volumes[{i}] is null");
            Required(resource, $"volumes[{i}].target", volume.Target);
        }

        for (var i = 0; i < (definition.BindMounts?.Count ?? 0); i++)
        {
            var mount = definition.BindMounts![i]
                ?? throw Fault(resource, $"bindMounts[{i}] is null");
            Required(resource, $"bindMounts[{i}].source", mount.Source);
            Required(resource, $"bindMounts[{i}].target", mount.Target);
        }
    }

    private static void CheckBuild(string resource, ManifestBuild? build)
    {
        if (build is null)
        {
            return;
        }

        Required(resource, "build.context", build.Context);
        Required(resource, "build.dockerfile", build.Dockerfile);
        CheckEnvironment(resource, "build.args", build.Args);
    }

    private static void CheckInputs(string resource, IReadOnlyDictionary<string, ParameterInput>? inputs)
    {
        foreach (var (name, input) in inputs ?? new Dictionary<string, ParameterInput>())
        {
            if (input is null)
            {
                throw Fault(resource, $"inputs.{name} is null");
            }

            if (input.Default?.Generate is { } rules)
            {
                CheckGenerate(resource, $"inputs.{name}.default.generate", rules);
            }
        }
    }

    private static void CheckGenerate(string resource, string field, GenerateRules rules)
    {
        if (rules.MinLength is < 1 or > MaxGeneratedLength)
        {
            throw Fault(resource, $"{field}.minLength is {rules.MinLength}, not between 1 and {MaxGeneratedLength}");
        }

        var classes = new (string Name, bool Allowed, int Minimum)[]
        {
            ("lower", rules.Lower, rules.MinLower),
            ("upper", rules.Upper, rules.MinUpper),
            ("numeric", rules.Numeric, rules.MinNumeric),
            ("special", rules.Special, rules.MinSpecial),
        };
        foreach (var (name, allowed, minimum) in classes)
        {
            var minimumField = $"{field}.min{char.ToUpperInvariant(name[0])}{name[1..]}";
            if (minimum is < 0 or > MaxGeneratedLength)
            {
                throw Fault(resource, $"{minimumField} is {minimum}, not between 0 and {MaxGeneratedLength}");
            }

            if (!allowed && minimum > 0)
            {
                throw Fault(resource, $"{minimumField} is {minimum}, but {name} is false");
            }
        }

        if (classes.Sum(c => c.Minimum) > MaxGeneratedLength)
        {
            throw Fault(resource, $"{field} asks for more than {MaxGeneratedLength} characters in all");
        }

        if (!classes.Any(c => c.Allowed))
        {
            throw Fault(resource, $"{field} allows no character class to generate from");
        }
    }

    private static void Required(string resource, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw Fault(resource, $"{field} is missing or empty");
        }
    }

    private static ComposeExportException Fault(string resource, string problem) =>
        new($"Resource '{resource}': {problem}.");
}
