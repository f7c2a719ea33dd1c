namespace NewsPulse.Quotes;

/// <summary>Direct speech (inside quote marks) or indirect speech (reported with a verb, no marks).</summary>
public enum QuoteKind
{
    Direct,
    Indirect,
}

/// <summary>
/// One quote of an article. <paramref name="Start"/> and <paramref name="End"/> index the article text (C# string
/// indexes): <c>text[Start..End]</c> is the quote without its marks.
/// </summary>
/// <param name="Text">The quote as the article writes it, without its marks.</param>
/// <param name="Start">Index of the quote's first character in the article text.</param>
/// <param name="End">Index just after its last character.</param>
/// <param name="Speaker">The speaker's full name as the article introduces it, or the organisation that speaks; null when none was found.</param>
/// <param name="Mention">How the speaker is named next to the quote ("Wang", "she", "il"); null when the quote continues an earlier one.</param>
/// <param name="SpeakerTitle">The speaker's title as the article describes them ("research director"), or null.</param>
/// <param name="SpeakerOrg">The speaker's organisation as the article describes them ("Futurum Group"), or null.</param>
/// <param name="Verb">The reporting verb in its base form ("say", "estimer", "according to"), or null.</param>
/// <param name="Kind">Direct (between marks) or indirect (reported).</param>
/// <param name="Confidence">How sure the extractor is of the quote and its speaker, 0 to 1.</param>
/// <param name="SpeakerIsPerson">The speaker is a person (the registry's business), not an organisation.</param>
public sealed record ExtractedQuote(
    string Text, int Start, int End, string? Speaker, string? Mention, string? SpeakerTitle, string? SpeakerOrg, string? Verb, QuoteKind Kind, double Confidence,
    bool SpeakerIsPerson)
{
    /// <summary>The sentences of <paramref name="text"/> the quote sits in (within its paragraph), for a reader who wants its context.</summary>
    public string ContextIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Back to the end of the previous sentence (not the quote's own closing punctuation), forward to the end
        // of the sentence the quote's reporting clause closes; never across a paragraph.
        var from = Start;
        while (from > 0 && text[from - 1] != '\n' && !(from - 1 < Start - 2 && text[from - 1] is '.' or '!' or '?' && char.IsWhiteSpace(text[from])))
        {
            from--;
        }

        var to = End;
        while (to < text.Length && text[to] != '\n')
        {
            var c = text[to++];
            if (to > End + 1 && c is '.' or '!' or '?' && (to == text.Length || char.IsWhiteSpace(text[to])))
            {
                break;
            }
        }

        return text[from..to].Trim();
    }
}
