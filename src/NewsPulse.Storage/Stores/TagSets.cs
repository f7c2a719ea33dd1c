namespace NewsPulse.Storage.Stores;

/// <summary>
/// The articles' tag sets (table article_tag_sets, migration 0016): each article's effective tags as one sorted array of
/// "kind:value" keys. One index lookup gives all of an article's tags, and the GIN index on the keys intersects several
/// tags at once.
/// </summary>
internal static class TagSets
{
    /// <summary>A tag as the sets hold it; the kind holds no colon, so the first one ends it.</summary>
    public static string Key(string kind, string value) => $"{kind}:{value}";

    /// <summary>SQL: the values of one tag kind in the key array <paramref name="keys"/>, sorted as the array is; empty for a null array.</summary>
    public static string ValuesOf(string keys, string kind) =>
        $"array(SELECT substr(k.key, {kind.Length + 2}) FROM unnest({keys}) WITH ORDINALITY k(key, n) WHERE starts_with(k.key, '{kind}:') ORDER BY k.n)";
}
