namespace NewsPulse.Digest;

/// <summary>The absolute URLs a digest links to: the subscriber's preferences page, the one-click unsubscribe and the site.</summary>
public sealed record DigestLinks(string ManageUrl, string UnsubscribeUrl, string WebBaseUrl);
