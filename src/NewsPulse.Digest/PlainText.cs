using System.Text;

namespace NewsPulse.Digest;

/// <summary>Whitespace, shortening and line wrapping for text that goes into subjects, previews and the plain-text part.</summary>
internal static class PlainText
{
    /// <summary>Columns of the plain-text part: under RFC 5322's 78, with room for a quoting "> ".</summary>
    public const int Width = 76;

    /// <summary>One line: feeds leave newlines and runs of spaces in titles, which a subject or a table cell must not carry.</summary>
    public static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>At most <paramref name="max"/> characters, cut at a word boundary with an ellipsis rather than mid-word.</summary>
    public static string Truncate(string text, int max)
    {
        var line = Collapse(text);
        if (line.Length <= max)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', max - 1);
        // A single long word (a URL, a German compound) would leave nothing: cut it hard instead.
        var kept = cut > max / 2 ? line[..cut] : line[..(max - 1)];
        return kept.TrimEnd(' ', ',', ';', ':', '-', '\u2013', '\u2014') + "\u2026";
    }

    /// <summary>
    /// Lines of at most <paramref name="width"/> columns, each starting with <paramref name="indent"/>; a word longer than
    /// the line (a URL) keeps a line of its own, unbroken, so it stays clickable.
    /// </summary>
    public static void Wrap(StringBuilder output, string text, int width, string indent = "")
    {
        var line = new StringBuilder(indent);
        foreach (var word in Collapse(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > indent.Length && line.Length + 1 + word.Length > width)
            {
                output.Append(line).Append('\n');
                line.Clear().Append(indent);
            }

            if (line.Length > indent.Length)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > indent.Length)
        {
            output.Append(line).Append('\n');
        }
    }
}
