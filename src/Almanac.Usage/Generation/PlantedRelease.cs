namespace Almanac.Usage.Generation;

/// <summary>
/// The release a generated log plants, with what it wrote about it: the model, the day it was released,
/// the first day the log calls it, and per day after release its calls and tokens against its developer's.
/// </summary>
public sealed record TruthAdoption(string ModelId, string Written, string Developer, DateOnly Released, DateOnly? FirstUsed, IReadOnlyList<TruthAdoptionDay> Days);

/// <summary>
/// The released model's and its developer's traffic on the day <paramref name="AfterDays"/> after release;
/// <paramref name="Logged"/> is false when the log holds no event on or beyond that day (or none before it).
/// </summary>
public sealed record TruthAdoptionDay(int AfterDays, bool Logged, long ModelTokens, long DeveloperTokens, long ModelRequests, long DeveloperRequests);

/// <summary>
/// Plants a known adoption in a generated log: from <see cref="DaysToFirstUse"/> days after
/// <see cref="Released"/>, a share of the calls that would go to its developer's models goes to the new
/// model instead, rising from <see cref="RampStart"/> by <see cref="RampStep"/> a day to <see cref="RampCap"/>.
/// It counts what it routed, and each user's tokens per month on the new model against the rest, so the
/// switching truth names the main model the log really shows.
/// </summary>
internal sealed class PlantedRelease
{
    /// <summary>A catalogue model of a developer the other generated models include, written as its dated snapshot.</summary>
    public static readonly GeneratedModel Model = new("claude-3-7-sonnet-20250219", "claude-3-7-sonnet", "anthropic", "anthropic");

    /// <summary>The day generated logs take as its release; the logs span January to March 2026.</summary>
    public static readonly DateOnly Released = new(2026, 1, 20);

    public const int DaysToFirstUse = 3;

    private const double RampStart = 0.10;
    private const double RampStep = 0.01;
    private const double RampCap = 0.40;

    /// <summary>Days after release whose traffic the truth records.</summary>
    private static readonly int[] AfterDays = [7, 30, 90];

    private readonly int _months;
    private readonly long[] _userTokens;
    private readonly Dictionary<int, (long ModelTokens, long DeveloperTokens, long ModelRequests, long DeveloperRequests)> _byDay = [];
    private int _firstDay = int.MaxValue;
    private int _lastDay = int.MinValue;
    private int? _firstUse;

    public PlantedRelease(int users, int months)
    {
        _months = months;
        // Per user and month: tokens on the month's main model, then on the new model.
        _userTokens = new long[(long)users * months * 2];
    }

    /// <summary>The model a call goes to: the user's main model, or the new one with the day's ramp share.</summary>
    public static GeneratedModel Route(GeneratedModel main, long atMs, Random random)
    {
        if (main.Developer != Model.Developer)
        {
            return main;
        }

        var since = DayOf(atMs) - (Released.DayNumber + DaysToFirstUse);
        return since >= 0 && random.NextDouble() < Math.Min(RampCap, RampStart + (RampStep * since)) ? Model : main;
    }

    /// <summary>Counts one written call.</summary>
    public void Count(int user, int month, GeneratedModel model, long atMs, long tokens)
    {
        var day = DayOf(atMs);
        _firstDay = Math.Min(_firstDay, day);
        _lastDay = Math.Max(_lastDay, day);
        var planted = ReferenceEquals(model, Model);
        _userTokens[(((long)user * _months) + month) * 2 + (planted ? 1 : 0)] += tokens;
        if (planted && (_firstUse is null || day < _firstUse))
        {
            _firstUse = day;
        }

        if (model.Developer == Model.Developer)
        {
            var (mt, dt, mr, dr) = _byDay.GetValueOrDefault(day);
            _byDay[day] = planted ? (mt + tokens, dt + tokens, mr + 1, dr + 1) : (mt, dt + tokens, mr, dr + 1);
        }
    }

    /// <summary>
    /// The user's main model of the month (most tokens) as written: the planned one, or the new model where it
    /// carried more; on a tie, the one whose model id comes first, as the analyses break ties.
    /// </summary>
    public GeneratedModel MainOf(int user, int month, GeneratedModel planned)
    {
        var at = (((long)user * _months) + month) * 2;
        var (mainTokens, newTokens) = (_userTokens[at], _userTokens[at + 1]);
        return newTokens > mainTokens || (newTokens == mainTokens && newTokens > 0 && string.CompareOrdinal(Model.ModelId, planned.ModelId) < 0) ? Model : planned;
    }

    public TruthAdoption Truth()
    {
        var days = AfterDays.Select(after =>
        {
            var day = Released.DayNumber + after;
            var (mt, dt, mr, dr) = _byDay.GetValueOrDefault(day);
            return new TruthAdoptionDay(after, day >= _firstDay && day <= _lastDay, mt, dt, mr, dr);
        }).ToList();
        return new TruthAdoption(Model.ModelId, Model.Written, Model.Developer, Released, _firstUse is { } f ? DateOnly.FromDayNumber(f) : null, days);
    }

    private static int DayOf(long ms) => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime).DayNumber;
}
