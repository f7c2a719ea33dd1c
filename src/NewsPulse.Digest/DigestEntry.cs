namespace NewsPulse.Digest;

/// <summary>
/// One story cluster in a digest: its representative story, the other outlets that covered it, the score it was ranked by
/// (after the source-diversity penalty) and why it matched, in the digest's locale.
/// </summary>
public sealed record DigestEntry(DigestStory Story, int OtherOutlets, IReadOnlyList<string> OtherSources, double Score, IReadOnlyList<string> Matched);
