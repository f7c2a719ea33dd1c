namespace NewsPulse.Domain.Tests;

public class ArticleStatusNamesTests
{
    [Fact]
    public void Every_status_has_a_distinct_lower_case_name_matching_the_database_check()
    {
        var names = Enum.GetValues<ArticleStatus>().Select(s => s.ToName()).ToArray();

        Assert.Equal(["discovered", "fetched", "extracted", "tagged", "failed", "duplicate"], names);
    }
}
