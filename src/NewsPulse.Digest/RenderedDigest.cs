namespace NewsPulse.Digest;

/// <summary>The two bodies of a digest email: HTML with inline styles and its plain-text alternative.</summary>
public sealed record RenderedDigest(string Html, string Text);
