using Almanac.Usage;
using Almanac.Usage.Analyses;
using Almanac.Usage.Generation;
using Almanac.Usage.Readers;

namespace Almanac.Tests.Usage;

/// <summary>A generated log ingested once for the analyses' tests, with its truth.</summary>
public sealed class GeneratedStore : IDisposable
{
    public const long Events = 120_000;

    private readonly TempStore _store = new();

    public GeneratedStore()
    {
        var log = Path.Combine(_store.Folder, "generated.csv");
        using (var writer = new StreamWriter(log))
        {
            Truth = UsageGenerator.Write(Events, UsageFormat.Csv, seed: 5, writer);
        }

        using var engine = _store.Open();
        UsageIngest.Run(log, null, ColumnMap.Parse(null), strict: true, UsageFixture.Normaliser(), engine);
    }

    public GenerationTruth Truth { get; }

    public IUsageEngine Open() => _store.Open();

    public void Dispose() => _store.Dispose();
}

public class UsageAnalysesTests(GeneratedStore generated) : IClassFixture<GeneratedStore>
{
    private static readonly DayWindow All = new(null, null);

    private ModelRelease PlantedRelease => new(generated.Truth.Adoption.ModelId, generated.Truth.Adoption.Developer, generated.Truth.Adoption.Released);

    [Fact]
    public void Adoption_gives_back_the_planted_first_use_and_share_ramp_exactly()
    {
        var truth = generated.Truth.Adoption;
        truth.FirstUsed.ShouldNotBeNull();
        using var engine = generated.Open();
        foreach (var (basis, pick) in new[]
        {
            (ShareBasis.Tokens, (Func<TruthAdoptionDay, (long Model, long Developer)>)(d => (d.ModelTokens, d.DeveloperTokens))),
            (ShareBasis.Requests, d => (d.ModelRequests, d.DeveloperRequests)),
        })
        {
            var rows = engine.Adoption(new AdoptionQuery([PlantedRelease], basis, All));
            var row = rows.ShouldHaveSingleItem();
            row.ModelId.ShouldBe(truth.ModelId);
            row.Released.ShouldBe(truth.Released);
            row.FirstUsed.ShouldBe(truth.FirstUsed);
            row.DaysToFirstUse.ShouldBe(truth.FirstUsed!.Value.DayNumber - truth.Released.DayNumber);

            double? Expected(int after)
            {
                var day = truth.Days.Single(d => d.AfterDays == after);
                var (model, developer) = pick(day);
                return day.Logged && developer > 0 ? (double)model / developer : null;
            }

            row.ShareDay7.ShouldBe(Expected(7));
            row.ShareDay30.ShouldBe(Expected(30));
            row.ShareDay90.ShouldBe(Expected(90));
        }

        // The log spans January to March 2026: 7 and 30 days after a 20 January release are logged, 90 days after are not.
        truth.Days.Select(d => d.Logged).ShouldBe([true, true, false]);
    }

    [Fact]
    public void Adoption_takes_only_releases_in_the_window_and_a_release_never_used_has_no_first_use()
    {
        using var engine = generated.Open();
        var unused = new ModelRelease("gemini-9-ultra", "google", new DateOnly(2026, 2, 1));
        var outside = new ModelRelease("gpt-4o", "openai", new DateOnly(2024, 5, 13));
        var rows = engine.Adoption(new AdoptionQuery([PlantedRelease, unused, outside], ShareBasis.Tokens, new DayWindow(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31))));
        rows.Select(r => r.ModelId).ShouldBe([PlantedRelease.ModelId, unused.ModelId]);
        var never = rows[1];
        never.FirstUsed.ShouldBeNull();
        never.DaysToFirstUse.ShouldBeNull();

        // Google's own models carry traffic on those days, so the unused release's share is a measured zero, not unknown.
        never.ShareDay7.ShouldBe(0);
        never.ShareDay90.ShouldBeNull();
    }

    [Fact]
    public void Switching_by_user_gives_back_the_months_stayed_moved_and_switched_exactly()
    {
        using var engine = generated.Open();
        var report = engine.Switching(new SwitchingQuery(SwitchingSubject.User, UsagePeriod.Month, All));
        report.Steps.Select(s => (s.FromPeriod, s.ToPeriod, s.Stayed, s.Moved, s.Switched))
            .ShouldBe(generated.Truth.Switching.Select(t => (t.From, t.To, t.Stayed, t.Moved, t.Switched)));
        foreach (var step in report.Steps)
        {
            (step.StayedShare + step.MovedShare + step.SwitchedShare).ShouldBe(1, 1e-12);
            step.SwitchedShare.ShouldBe((double)step.Switched / step.Subjects);
            report.Matrix.Where(c => c.FromPeriod == step.FromPeriod).Sum(c => c.Subjects).ShouldBe(step.Subjects);
        }

        // Staying or moving keeps the developer; only the off-diagonal of the matrix switches.
        report.Matrix.Where(c => c.FromDeveloper == c.ToDeveloper).ShouldAllBe(c => c.Switched == 0);
        report.Matrix.Where(c => c.FromDeveloper != c.ToDeveloper).ShouldAllBe(c => c.Stayed == 0 && c.Moved == 0);
    }

    [Fact]
    public void Switching_by_team_counts_the_seven_teams()
    {
        using var engine = generated.Open();
        var report = engine.Switching(new SwitchingQuery(SwitchingSubject.Team, UsagePeriod.Month, All));
        report.Steps.Count.ShouldBe(2);
        report.Steps.ShouldAllBe(s => s.Subjects == 7);
    }
}
