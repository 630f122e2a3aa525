using Almanac.Checking;
using Almanac.Checking.Judging;

namespace Almanac.Tests.Checking.Judging;

public sealed class ClaimJudgeVerdictTests
{
    private static readonly CheckKnowledge Knowledge = TestKnowledge.Invented();

    public static TheoryData<string> Cases => new(VerdictCase.All.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Judges(string name)
    {
        var @case = VerdictCase.All[name];

        var judgements = new ClaimJudge().Judge(@case.Claims, Knowledge, @case.AsOf);

        judgements.Count.ShouldBe(@case.Claims.Length);
        var judgement = judgements[@case.Target];
        judgement.Claim.ShouldBeSameAs(@case.Claims[@case.Target]);
        judgement.Verdict.ShouldBe(@case.Verdict, judgement.Reason);
        judgement.Reason.ShouldContain(@case.Reason, Case.Sensitive, judgement.Reason);
        judgement.Reason.ShouldNotContain('\n');
        if (judgement.Verdict is Verdict.Contradicted or Verdict.Inconsistent)
        {
            // Every flag names the rule family behind it, so tools can weigh flags by rule.
            judgement.Rule.ShouldNotBeNullOrEmpty();
        }

        if (@case.Evidence is { } expected)
        {
            var (kind, text) = (expected[..expected.IndexOf(':', StringComparison.Ordinal)], expected[(expected.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            var all = string.Join("\n", judgement.Evidence.Select(e => $"{e.Kind}: {e.Text} | {e.Source} | {e.Url}"));
            judgement.Evidence.ShouldContain(e => e.Kind == kind && $"{e.Text} | {e.Source} | {e.Url}".Contains(text, StringComparison.Ordinal), all);
        }
    }
}
