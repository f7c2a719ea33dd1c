namespace NewsPulse.Tagging;

/// <summary>
/// One word of a text as the matcher sees it: <paramref name="Key"/> is the word lower-cased and without diacritics,
/// so that "États-Unis", "Etats-Unis" and "ETATS-UNIS" meet; <paramref name="Surface"/> keeps the original spelling,
/// which decides between Apple and apple.
/// </summary>
/// <param name="Key">The normalised form matched against the gazetteers.</param>
/// <param name="Surface">The text as written.</param>
/// <param name="Start">Offset of the first character in the text.</param>
/// <param name="End">Offset just after the last character.</param>
public sealed record MentionToken(string Key, string Surface, int Start, int End);
