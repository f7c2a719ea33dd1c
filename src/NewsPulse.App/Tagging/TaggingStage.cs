using NewsPulse.App.Telemetry;
using NewsPulse.Storage.Stores;
using NewsPulse.Tagging;

namespace NewsPulse.App.Tagging;

/// <summary>
/// Extracted article to stored tags: runs the current model and replaces the article's model tags, recording the
/// model version first. A failure is logged and leaves the article extracted (untagged); it never fails ingestion.
/// </summary>
public sealed class TaggingStage(ModelFiles models, TagStore tags, PipelineMetrics metrics, TimeProvider time, ILogger<TaggingStage> logger)
{
    /// <summary>Tags one article; true when its tags were stored.</summary>
    public async Task<bool> TagAsync(long articleId, string? title, string text, string? language, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var tagged = await TagAndStoreAsync(articleId, title, text, language, cancellationToken);
        metrics.ArticleTagged(tagged ? "tagged" : "failed", time.GetElapsedTime(started));
        return tagged;
    }

    private async Task<bool> TagAndStoreAsync(long articleId, string? title, string text, string? language, CancellationToken cancellationToken)
    {
        Tagger tagger;
        try
        {
            tagger = models.CurrentTagger();
            await models.RegisterAsync(tagger.Model, tags, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            logger.LogWarning("Article {ArticleId} not tagged: no usable tagging model ({Reason})", articleId, ex.Message);
            return false;
        }

        StoryTags result;
        try
        {
            result = tagger.Tag(title ?? "", text, language);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug in tagging must not cost the article: it stays extracted, and `reprocess --stage tag` can retry.
            logger.LogError(ex, "Article {ArticleId} not tagged: the tagger failed", articleId);
            return false;
        }

        await tags.ReplaceModelTagsAsync(articleId, tagger.ModelVersion, ToStored(result), time.GetUtcNow(), cancellationToken);
        return true;
    }

    public static List<StoredTag> ToStored(StoryTags tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return
        [
            .. tags.Companies.Select(c => new StoredTag(TagKind.Company.Name(), c.Name, c.Confidence)),
            .. tags.Countries.Select(c => new StoredTag(TagKind.Country.Name(), c.Code, c.Confidence)),
            .. tags.Themes.Select(t => new StoredTag(TagKind.Theme.Name(), t.Name, t.Confidence)),
        ];
    }
}
