namespace NewsPulse.Quotes;

/// <summary>A stretch of text between quote marks: the marks' positions and the words inside, trimmed.</summary>
internal readonly record struct MarkedSpan(int Open, int Close, int Start, int End);

/// <summary>
/// Finds the outermost quoted stretches of a text: “ ” " " ‘ ’ « » ‹ › „ “, with any spaces (no-break and narrow
/// no-break included) inside French guillemets. An apostrophe is not a mark (l’écart, don't): a single mark
/// opens only before a word and after a space, and closes only after a word and before a non-letter. A quote
/// whose paragraph ends without a closing mark goes on when the next paragraph opens with the same mark (the
/// convention for quotes of several paragraphs); otherwise it is dropped. Pure.
/// </summary>
internal static class QuoteMarks
{
    /// <summary>Longer stretches are mismatched marks, not quotes.</summary>
    private const int MaxQuoteLength = 4000;

    public static List<MarkedSpan> Find(string text)
    {
        var spans = new List<MarkedSpan>();
        var i = 0;
        while (i < text.Length)
        {
            if (ClosingFor(text, i) is { } closing && FindClose(text, i, text[i], closing) is var close and > 0)
            {
                var (start, end) = Trim(text, i + 1, close);
                if (end > start)
                {
                    spans.Add(new MarkedSpan(i, close, start, end));
                }

                i = close + 1;
                continue;
            }

            i++;
        }

        return spans;
    }

    /// <summary>The closing mark of the opening mark at <paramref name="i"/>, or null when the character does not open a quote there.</summary>
    private static char? ClosingFor(string text, int i) => text[i] switch
    {
        '«' => '»',
        '‹' => '›',
        '“' => '”',
        '„' => '“',
        '"' when OpensHere(text, i) => '"',
        '‘' when OpensHere(text, i) => '’',
        _ => null,
    };

    /// <summary>A symmetric or single mark opens before a word, after a space, a bracket, a dash or the start.</summary>
    private static bool OpensHere(string text, int i) =>
        i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) &&
        (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '—' or '–' or '-' or '“' or '«' or ':');

    private static bool ClosesHere(string text, int i, char mark) => mark switch
    {
        '"' or '’' => i > 0 && !char.IsWhiteSpace(text[i - 1]) && (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1])),
        _ => true,
    };

    private static int FindClose(string text, int open, char opening, char closing)
    {
        var depth = 0;
        var limit = Math.Min(text.Length, open + MaxQuoteLength);
        for (var i = open + 1; i < limit; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                // A paragraph that opens with the same mark continues the quote; any other paragraph means the
                // mark was never closed.
                var next = i + 1;
                while (next < text.Length && text[next] is ' ' or '\u00A0' or '\u202F' or '\t' or '\n')
                {
                    next++;
                }

                if (next < text.Length && text[next] == opening)
                {
                    i = next;
                    continue;
                }

                return -1;
            }

            if (c == closing && opening != closing && depth > 0)
            {
                depth--;
                continue;
            }

            if (c == closing && ClosesHere(text, i, closing))
            {
                return i;
            }

            if (c == opening && opening != closing)
            {
                depth++;
            }
        }

        return -1;
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && IsSpace(text[start]))
        {
            start++;
        }

        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u00A0' or '\u202F' or '\u2009';
}
