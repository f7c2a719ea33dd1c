namespace NewsPulse.App.Evaluation;

/// <summary>One line of a near-duplicate set: two texts, and whether they are the same story.</summary>
public sealed record LabelledPair(string Id, string Language, string Kind, int Label, string A, string B);
