using AspireWorkshop.ComposeExport.Compose;

namespace AspireWorkshop.ComposeExport.Conversion;

/// <summary>
/// Decides how a resolved value appears in compose.yaml. A value with no secret is written inline.
/// A value that is exactly one parameter becomes <c>${PARAMETER}</c>. A value that embeds a secret,
/// such as a connection string with a password, goes to <c>.env</c> whole under a variable of its own:
/// the container then gets exactly the string that was checked, with no Compose interpolation
/// stitching fragments together.
/// </summary>
internal sealed class SecretPlacement(ParameterStore parameters)
{
    private readonly List<(string Variable, string Value)> composed = [];

    /// <summary>Values that embed a secret, by variable, in the order they were placed.</summary>
    public IReadOnlyList<(string Variable, string Value)> Composed => composed;

    /// <summary>The compose.yaml text for <paramref name="value"/>, the <paramref name="key"/> of a service.</summary>
    public string Place(ResolvedValue value, string service, string key)
    {
        if (value.Secrets.IsEmpty)
        {
            return ComposeText.Literal(value.Text);
        }

        if (value.WholeSecret is { } secret)
        {
            return ComposeText.Variable(secret.Variable);
        }

        var variable = Names.Variable(service, key);
        parameters.Claim(variable, $"{service} {key}");
        if (DotEnvFormat.WhyNotCarriable(value.Text) is { } reason)
        {
            throw new ComposeExportException(
                $"Parameter {value.SecretParameterNames} cannot be exported: "
                + $"{key} of '{service}', which holds it, {reason}.");
        }

        composed.Add((variable, value.Text));

        return ComposeText.Variable(variable);
    }
}
