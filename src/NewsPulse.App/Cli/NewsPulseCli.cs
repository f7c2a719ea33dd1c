using System.CommandLine;

namespace NewsPulse.App.Cli;

/// <summary>The <c>newspulse</c> command tree.</summary>
public static class NewsPulseCli
{
    public static RootCommand Create()
    {
        var root = new RootCommand("NewsPulse: news and analyst-commentary aggregator with NLP tagging.");
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(FeedsCommand.Create());
        root.Subcommands.Add(ArticlesCommand.Create());
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(TagCommand.Create());
        root.Subcommands.Add(ModelCommand.Create());
        root.Subcommands.Add(TagsCommand.Create());
        root.Subcommands.Add(QuotesCommand.Create());
        root.Subcommands.Add(PeopleCommand.Create());
        root.Subcommands.Add(SubscribersCommand.Create());
        root.Subcommands.Add(DigestCommand.Create());
        root.Subcommands.Add(ReprocessCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(DbCommand.Create());
        return root;
    }
}
