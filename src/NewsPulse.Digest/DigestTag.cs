namespace NewsPulse.Digest;

/// <summary>A tag of a story as stored: <paramref name="Kind"/> is company, country or theme; <paramref name="Value"/> a company name, an ISO alpha-2 code or a theme name.</summary>
public sealed record DigestTag(string Kind, string Value, double Confidence);
