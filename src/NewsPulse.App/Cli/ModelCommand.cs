using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NewsPulse.App.Hosting;
using NewsPulse.App.Tagging;
using NewsPulse.Storage.Stores;
using NewsPulse.Tagging;
using Spectre.Console;

namespace NewsPulse.App.Cli;

/// <summary><c>newspulse model train|eval|list</c>: the tagging models, trained with a fixed seed and measured per language.</summary>
internal static class ModelCommand
{
    private static readonly string[] Splits = ["train", "dev", "test"];

    public static Command Create()
    {
        var command = new Command("model", "Train, evaluate and list the tagging models (themes, company and country salience).");
        command.Subcommands.Add(CreateTrain());
        command.Subcommands.Add(CreateEval());
        command.Subcommands.Add(CreateList());
        return command;
    }

    private static Command CreateTrain()
    {
        var noDatabase = new Option<bool>("--no-database") { Description = "Train from the labelled stories only: no analyst feedback read, no model_versions row written." };
        var command = new Command("train", "Train the tagging models on the train split plus analyst feedback, tune on dev, save a new current version.") { noDatabase };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var progress = new Progress<string>(step => Console.Error.WriteLine($"training: {step}"));
            TaggingModel model;
            string path;
            if (parseResult.GetValue(noDatabase))
            {
                (model, path) = OfflineTagging.Open().TrainAndSave([], progress);
            }
            else
            {
                await using var app = await AppServices.StartAsync(cancellationToken);
                (model, path) = await app.Get<ModelTraining>().TrainAsync(progress, cancellationToken);
            }

            AnsiConsole.WriteLine($"Trained {model.Version} in {model.Manifest.TrainingSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s from {model.Manifest.TrainingStories} stories and {model.Manifest.FeedbackLabels} feedback labels: {ProjectPaths.Display(path)}");
            WriteScores("dev split", model.Manifest.DevScores);
            return 0;
        });
        return command;
    }

    private static Command CreateList()
    {
        var command = new Command("list", "The model versions recorded in the database, newest first, with their dev scores and how many articles each tagged.");
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await using var app = await AppServices.StartAsync(cancellationToken);
            var current = app.Get<ModelFiles>().CurrentPath() is { } path ? Path.GetFileNameWithoutExtension(path) : null;
            var table = new Table().AddColumns("version", "trained", "stories", "feedback", "dev theme macro-F1 (en/fr)", "tagged articles", "current");
            foreach (var model in await app.Get<TagStore>().ListModelsAsync(cancellationToken))
            {
                var manifest = JsonSerializer.Deserialize<ModelManifest>(model.Metrics, TaggingModel.ManifestJson);
                table.AddRow(
                    model.Version,
                    model.TrainedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    Count(model.TrainingStories),
                    Count(model.FeedbackLabels),
                    string.Join(" / ", manifest?.DevScores.Select(d => $"{d.Language} {Number(d.ThemeMacroF1)}") ?? []),
                    model.TaggedArticles.ToString(CultureInfo.InvariantCulture),
                    model.Version == current ? "yes" : "");
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command CreateEval()
    {
        var split = new Option<string>("--split") { Description = "The labelled split to score (test by default; stories without a split are test).", DefaultValueFactory = _ => "test" };
        split.AcceptOnlyFromAmong(Splits);
        var data = new Option<FileSystemInfo?>("--data") { Description = "A labelled JSON Lines file, or a folder of them (default: Tagging:DataDirectory, tests/data/tagging). Lines: {id, title, text, language, themes, companies, countries, split?}; labels may use names, aliases or codes; a line without split is test." };
        var model = new Option<FileInfo?>("--model") { Description = "Model file to score (default: the current model)." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("eval", "Score the tagging models on a labelled split: per-label precision, recall and F1, theme macro-F1, per language.") { split, data, model, format };
        command.SetGuardedAction((parseResult, cancellationToken) =>
        {
            var files = OfflineTagging.Open();
            var tagger = parseResult.GetValue(model) is { } file ? new Tagger(TagCommand.LoadModel(file.FullName)) : files.CurrentTagger();
            var folder = parseResult.GetValue(data)?.FullName ?? files.DataDirectory;
            var chosen = parseResult.GetValue(split)!;
            List<LabelledStory> stories;
            try
            {
                stories = [.. LabelledStory.Load(folder).Where(s => s.Split == chosen).Select(s => s.Canonical(TagVocabulary.BuiltIn))];
            }
            catch (Exception ex) when (ex is DirectoryNotFoundException or InvalidDataException)
            {
                throw new UserInputException(ex.Message);
            }

            if (stories.Count == 0)
            {
                throw new UserInputException($"No {chosen} stories in {folder}.");
            }

            var scores = TaggingEvaluation.Evaluate(tagger, stories);
            if (parseResult.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(new { model = tagger.ModelVersion, split = chosen, languages = scores }, JsonOutput.Indented));
            }
            else
            {
                AnsiConsole.WriteLine($"Model {tagger.ModelVersion}, {chosen} split of {ProjectPaths.Display(folder)}");
                WriteScores($"{chosen} split", scores);
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static void WriteScores(string title, IReadOnlyList<LanguageScores> languages)
    {
        foreach (var language in languages)
        {
            var table = new Table().Title($"{title}, {language.Language} ({language.Stories} stories)").AddColumns("label", "support", "precision", "recall", "F1");
            foreach (var theme in language.Themes)
            {
                table.AddRow($"theme {theme.Label}", Count(theme.Support), Number(theme.Precision), Number(theme.Recall), Number(theme.F1));
            }

            table.AddRow("[bold]themes macro-F1[/]", "", "", "", $"[bold]{Number(language.ThemeMacroF1)}[/]");
            foreach (var kind in new[] { language.Companies, language.Countries })
            {
                table.AddRow($"[bold]{kind.Label} (micro)[/]", Count(kind.Support), Number(kind.Precision), Number(kind.Recall), $"[bold]{Number(kind.F1)}[/]");
            }

            AnsiConsole.Write(table);
            foreach (var note in language.Confusions)
            {
                AnsiConsole.WriteLine(Markup.Escape(
                    $"  {note.Kind.Name()} {note.Label}: {note.FalsePositives} false, {note.FalseNegatives} missed{(note.Detail.Length > 0 ? "; " + note.Detail : "")} (e.g. {string.Join(", ", note.Examples)})"));
            }
        }
    }

    private static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
