using Almanac.Checking;
using Almanac.Checking.Reports;
using Almanac.Knowledge;

namespace Almanac.Tests.Checking;

/// <summary>
/// One pipeline for many documents: the facts about an entity fetched once, the same reports as a
/// fresh pipeline gives, and a cancellation observed while the check runs.
/// </summary>
public sealed class CheckPipelineTests
{
    private const string Note = "## Anthropic\n- Anthropic was valued at $61.5 billion in March 2025.\n- OpenAI's annualised revenue reached $10 billion in June 2025.\n";

    private static readonly CheckKnowledge Names = DocumentChecker.Names(Knowledge.Check.Names.Entities, Knowledge.Check.Names.Metrics);

    /// <summary>The curated statements about some entities, as a store's query by entity answers, each call recorded.</summary>
    private static Func<IReadOnlyCollection<string>, IEnumerable<Statement>> Recording(List<string[]> asked) => ids =>
    {
        asked.Add(ids.Order(StringComparer.Ordinal).ToArray());
        return Knowledge.Check.Statements.Where(s => ids.Contains(s.Fact.EntityId)).OrderBy(s => s.Fact.EntityId, StringComparer.Ordinal).ToList();
    };

    [Fact]
    public void The_facts_about_an_entity_are_fetched_once_for_every_document_of_a_pipeline()
    {
        var asked = new List<string[]>();
        var checker = new DocumentChecker(Names, Recording(asked));

        var first = checker.CheckText(Note, "a.md");
        var second = checker.CheckText(Note, "b.md");

        asked.Count.ShouldBe(1);
        asked[0].ShouldContain("anthropic");
        asked[0].ShouldContain("openai");
        JsonReport.Write(second).ShouldBe(JsonReport.Write(first).Replace("\"a.md\"", "\"b.md\"", StringComparison.Ordinal));
        checker.Counts.Completed.ShouldBe(2);
    }

    [Fact]
    public void A_shared_pipeline_writes_the_report_a_fresh_one_writes()
    {
        var shared = new DocumentChecker(Names, Recording([]));
        shared.CheckText("OpenAI had 800 million weekly active users in October 2025.", "warm.md");

        var fresh = new DocumentChecker(Names, Recording([]));

        JsonReport.Write(shared.CheckText(Note, "note.md")).ShouldBe(JsonReport.Write(fresh.CheckText(Note, "note.md")));
    }

    [Fact]
    public void Options_given_per_check_override_the_pipelines_own()
    {
        var checker = new DocumentChecker(Names, Recording([]));
        var early = checker.CheckText(Note, "note.md", new CheckOptions(AsOf: new DateOnly(2020, 1, 1)));

        early.Judgements.ShouldNotContain(j => j.Verdict == Verdict.Supported || j.Verdict == Verdict.Contradicted);
        JsonReport.Write(checker.CheckText(Note, "note.md")).ShouldBe(JsonReport.Write(new DocumentChecker(Names, Recording([])).CheckText(Note, "note.md")));
    }

    [Fact]
    public void A_cancelled_check_stops_and_is_counted()
    {
        var checker = new DocumentChecker(Names, Recording([]));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Should.Throw<OperationCanceledException>(() => checker.CheckText(Note, "note.md", cancel.Token));

        checker.Counts.Started.ShouldBe(1);
        checker.Counts.Cancelled.ShouldBe(1);
        checker.Counts.Completed.ShouldBe(0);
    }

    [Fact]
    public void A_check_cancelled_while_it_runs_stops_before_judging()
    {
        // Cancelled once the figures are read and their facts asked for: judging must not go on.
        using var cancel = new CancellationTokenSource();
        var checker = new DocumentChecker(Names, ids =>
        {
            cancel.Cancel();
            return Recording([])(ids);
        });

        Should.Throw<OperationCanceledException>(() => checker.CheckText(Note, "note.md", cancel.Token));
        checker.Counts.Cancelled.ShouldBe(1);
    }
}
