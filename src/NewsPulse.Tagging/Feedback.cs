namespace NewsPulse.Tagging;

/// <summary>An analyst's decision on one tag of an article: it belongs (<paramref name="Present"/>) or it does not.</summary>
public sealed record FeedbackLabel(TagKind Kind, string Value, bool Present);

/// <summary>An article analysts corrected, with their decisions; training reads these beside the labelled stories.</summary>
public sealed record FeedbackStory(string Id, string Title, string Text, string? Language, IReadOnlyList<FeedbackLabel> Labels);
