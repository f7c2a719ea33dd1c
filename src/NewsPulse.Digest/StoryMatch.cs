namespace NewsPulse.Digest;

/// <summary>A story that passed the subscriber's filters, how relevant it is to them and the follows it matched, as readers see them.</summary>
internal sealed record StoryMatch(int Index, DigestStory Story, double Relevance, IReadOnlyList<string> Reasons);
