using System.Collections.Immutable;

namespace AspireWorkshop.ComposeExport.Conversion;

/// <summary>A secret that lives in <c>.env</c> under <paramref name="Variable"/>.</summary>
/// <param name="Variable">The variable name in <c>.env</c>.</param>
/// <param name="Parameter">The manifest parameter it belongs to, for messages.</param>
internal sealed record EnvSecret(string Variable, string Parameter);

/// <summary>
/// An expression with every reference replaced, plus what it was made of: the secrets in it (so it is
/// kept out of compose.yaml), the services it reaches (so they start first) and whether an HTTPS
/// endpoint had to be replaced by HTTP.
/// </summary>
/// <param name="Text">The final value, secrets included.</param>
/// <param name="Secrets">The secrets inside <paramref name="Text"/>.</param>
/// <param name="Services">The resources whose endpoints or connection strings were used.</param>
/// <param name="WholeSecret">Set when the value is exactly one secret, unchanged.</param>
/// <param name="UsedDroppedEndpoint">Whether a dropped HTTPS endpoint was replaced by HTTP.</param>
internal sealed record ResolvedValue(
    string Text,
    ImmutableHashSet<EnvSecret> Secrets,
    ImmutableHashSet<string> Services,
    EnvSecret? WholeSecret,
    bool UsedDroppedEndpoint)
{
    public static ResolvedValue Literal(string text) =>
        new(text, ImmutableHashSet<EnvSecret>.Empty, ImmutableHashSet<string>.Empty, null, false);

    public static ResolvedValue Secret(string text, EnvSecret secret) =>
        new(text, [secret], ImmutableHashSet<string>.Empty, secret, false);

    /// <summary>A value with <paramref name="text"/>, carrying all that <paramref name="parts"/> carried.</summary>
    public static ResolvedValue Combine(string text, IReadOnlyCollection<ResolvedValue> parts) => new(
        text,
        parts.SelectMany(part => part.Secrets).ToImmutableHashSet(),
        parts.SelectMany(part => part.Services).ToImmutableHashSet(),
        null,
        parts.Any(part => part.UsedDroppedEndpoint));

    /// <summary>The parameters whose secrets are inside, for messages.</summary>
    public string SecretParameterNames => string.Join(", ", Secrets.Select(s => $"'{s.Parameter}'").Order());
}
