using System.Security.Cryptography;
using AspireWorkshop.ComposeExport.Manifest;

namespace AspireWorkshop.ComposeExport.Conversion;

/// <summary>Generates parameter values under the manifest's <c>generate</c> rules with a CSPRNG.</summary>
internal static class SecretGenerator
{
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";

    // Only '-' and '_': both are unreserved in URIs and plain in connection strings, YAML and .env,
    // so a generated value never needs quoting or escaping wherever it lands.
    private const string Special = "-_";

    public static string Generate(GenerateRules rules, string parameter)
    {
        var classes = new (bool Allowed, int Minimum, string Characters)[]
        {
            (rules.Lower, rules.MinLower, Lower),
            (rules.Upper, rules.MinUpper, Upper),
            (rules.Numeric, rules.MinNumeric, Digits),
            (rules.Special, rules.MinSpecial, Special),
        };
        if (classes.Any(c => !c.Allowed && c.Minimum > 0))
        {
            throw new ComposeExportException(
                $"Parameter '{parameter}' asks for a minimum count of a character class it does not allow.");
        }

        var allowed = string.Concat(classes.Where(c => c.Allowed).Select(c => c.Characters));
        if (allowed.Length == 0)
        {
            throw new ComposeExportException($"Parameter '{parameter}' allows no character class to generate from.");
        }

        var characters = new List<char>();
        foreach (var (_, minimum, set) in classes)
        {
            characters.AddRange(Enumerable.Range(0, minimum).Select(_ => Pick(set)));
        }

        var length = Math.Max(rules.MinLength, characters.Count);
        while (characters.Count < length)
        {
            characters.Add(Pick(allowed));
        }

        var shuffled = characters.ToArray();
        RandomNumberGenerator.Shuffle(shuffled.AsSpan());

        return new string(shuffled);
    }

    private static char Pick(string set) => set[RandomNumberGenerator.GetInt32(set.Length)];
}
