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
public sealed record ExtractedQuote(
    string Text, int Start, int End, string? Speaker, string? Mention, string? SpeakerTitle, string? SpeakerOrg, string? Verb, QuoteKind Kind, double Confidence);
