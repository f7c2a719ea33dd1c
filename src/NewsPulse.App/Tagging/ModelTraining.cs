using NewsPulse.Storage.Stores;
using NewsPulse.Tagging;

namespace NewsPulse.App.Tagging;

/// <summary>Trains a new model version from the labelled stories plus every analyst decision in the database, and records it.</summary>
public sealed class ModelTraining(ModelFiles models, TagStore tags)
{
    public async Task<(TaggingModel Model, string Path)> TrainAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var feedback = await FeedbackStoriesAsync(cancellationToken);
        var (model, path) = models.TrainAndSave(feedback, progress);
        await models.RegisterAsync(model, tags, cancellationToken);
        return (model, path);
    }

    private async Task<List<FeedbackStory>> FeedbackStoriesAsync(CancellationToken cancellationToken)
    {
        var decisions = (await tags.ListFeedbackAsync(cancellationToken)).ToLookup(d => d.ArticleId);
        return
        [
            .. (await tags.ListFeedbackArticlesAsync(cancellationToken)).Select(article => new FeedbackStory(
                $"article-{article.ArticleId}",
                article.Title ?? "",
                article.Text ?? "",
                article.Language,
                [.. decisions[article.ArticleId].Select(d => new FeedbackLabel(TagKinds.Parse(d.Kind)!.Value, d.Value, d.Present))])),
        ];
    }
}
