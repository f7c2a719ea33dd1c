using System.Globalization;
using System.Text;

namespace NewsPulse.Tagging;

/// <summary>
/// The text the theme models read: title twice (the densest statement of the subject), then the body, lower-cased,
/// without diacritics, digits or punctuation, so English and French share what they can ("régulation" and
/// "regulation"). Done here in one pass because ML.NET's own text normaliser costs more than the rest of tagging.
/// </summary>
public static class ThemeText
{
    /// <summary>Lower-case base letter of each character up to U+024F (Latin Extended-B), or a space for the rest.</summary>
    private static readonly char[] Folded = BuildFolding();

    public static string Of(string title, string text)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(2 * title.Length + text.Length + 2);
        Append(builder, title);
        Append(builder, title);
        Append(builder, text);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string source)
    {
        foreach (var c in source)
        {
            var folded = c < Folded.Length ? Folded[c] : char.IsLetter(c) ? char.ToLowerInvariant(c) : ' ';
            // One space between words is all the tokenizer needs; runs of punctuation and spaces collapse.
            if (folded != ' ' || (builder.Length > 0 && builder[^1] != ' '))
            {
                builder.Append(folded);
            }
        }

        if (builder.Length > 0 && builder[^1] != ' ')
        {
            builder.Append(' ');
        }
    }

    private static char[] BuildFolding()
    {
        var table = new char[0x250];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            if (!char.IsLetter(c))
            {
                table[i] = ' ';
                continue;
            }

            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var letter = decomposed.FirstOrDefault(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark);
            table[i] = char.ToLowerInvariant(letter == default ? c : letter);
        }

        return table;
    }
}
