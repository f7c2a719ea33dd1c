namespace NewsPulse.Digest;

/// <summary>The <see cref="DigestTag.Kind"/> values, as the database stores them.</summary>
internal static class TagKinds
{
    public const string Company = "company";
    public const string Country = "country";
    public const string Theme = "theme";
}
