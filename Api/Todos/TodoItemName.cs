using System.Buffers;
using System.Globalization;
using System.Text;

namespace AspireWorkshop.Api.Todos;

/// <summary>The rules a todo item's name follows before it reaches the database.</summary>
public static class TodoItemName
{
    /// <summary>
    /// The most characters a name may have, counted as PostgreSQL counts them: Unicode code
    /// points, so an emoji is one character, not two UTF-16 units.
    /// </summary>
    public const int MaxLength = 255;

    /// <summary>Trims the name and checks it; gives the form to store, or why it is refused.</summary>
    public static bool TryNormalize(string name, out string normalized, out string? error)
    {
        normalized = name.Trim();
        error = Validate(normalized);

        return error is null;
    }

    private static string? Validate(string name)
    {
        if (name.Length == 0)
        {
            return "The name must not be empty.";
        }

        var remaining = name.AsSpan();
        var codePoints = 0;
        var hasVisibleCharacter = false;
        while (!remaining.IsEmpty)
        {
            // A lone surrogate has no UTF-8 form, so PostgreSQL could never store it.
            if (Rune.DecodeFromUtf16(remaining, out var rune, out var consumed) != OperationStatus.Done)
            {
                return "The name must be valid Unicode text.";
            }

            // Control characters (NUL, which PostgreSQL text cannot hold, BEL, escape sequences, …)
            // have no place in a one-line name and would only garble the page and the logs.
            if (Rune.IsControl(rune))
            {
                return "The name must not contain control characters.";
            }

            hasVisibleCharacter |= IsVisible(rune);
            codePoints += 1;
            remaining = remaining[consumed..];
        }

        if (!hasVisibleCharacter)
        {
            return "The name must have at least one visible character.";
        }

        return codePoints > MaxLength
            ? string.Create(CultureInfo.InvariantCulture, $"The name must be at most {MaxLength} characters long.")
            : null;
    }

    /// <summary>
    /// Trimming removes white space but not the zero-width characters (U+200B, the joiners, the byte
    /// order mark) or the other invisible separators: a name made only of those shows as an empty line.
    /// Inside a name they are fine, as in an emoji joined with U+200D.
    /// </summary>
    private static bool IsVisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Format
            or UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator);
}
