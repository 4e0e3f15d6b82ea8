namespace AspireWorkshop.ComposeExport.Compose;

/// <summary>Turns values into text for compose.yaml, where Compose interpolates <c>$</c> in every string.</summary>
public static class ComposeText
{
    /// <summary>A literal value: each <c>$</c> doubled so Compose hands it over unchanged.</summary>
    public static string Literal(string value) => value.Replace("$", "$$", StringComparison.Ordinal);

    /// <summary>A reference to a variable that Compose reads from <c>.env</c> or the shell.</summary>
    public static string Variable(string name) => $"${{{name}}}";

    /// <summary>A reference to a variable with a fallback used when it is unset or empty.</summary>
    public static string Variable(string name, string fallback) => $"${{{name}:-{Literal(fallback)}}}";
}
