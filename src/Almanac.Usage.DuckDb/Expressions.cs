using Almanac.Usage.Analyses;

namespace Almanac.Usage.DuckDb;

/// <summary>
/// The column expressions the analyses' SQL files take for their placeholders: one per dimension and
/// basis, chosen by enum, so no text a user typed reaches the SQL.
/// </summary>
internal static class Expressions
{
    private const string Model = "coalesce(nullif(model_id, ''), nullif(model_raw, ''), '(unknown)')";

    public static string Key(ShareDimension by) => by switch
    {
        ShareDimension.Developer => "coalesce(nullif(developer_id, ''), '(unknown)')",
        ShareDimension.Provider => "coalesce(nullif(provider, ''), '(unknown)')",
        _ => Model,
    };

    public static string Value(ShareBasis basis) => basis switch
    {
        ShareBasis.Tokens => "(input_tokens + output_tokens)",
        ShareBasis.Requests => "requests",
        ShareBasis.Spend => "coalesce(cost_logged, cost_listed, 0)",
        ShareBasis.SpendLogged => "coalesce(cost_logged, 0)",
        _ => "coalesce(cost_listed, 0)",
    };

    public static string Key(CostDimension by) => by switch
    {
        CostDimension.Team => "coalesce(nullif(team, ''), '(none)')",
        CostDimension.User => "coalesce(nullif(user_id, ''), '(none)')",
        CostDimension.App => "coalesce(nullif(app, ''), '(none)')",
        CostDimension.Tag => "tag",
        _ => Model,
    };

    public static string Rows(CostDimension by) => by == CostDimension.Tag
        ? "events, unnest(CASE WHEN tags = '' THEN ['(none)'] ELSE string_split(tags, ',') END) AS tagged(tag)"
        : "events";

    public static string Subject(SwitchingSubject by) => by switch
    {
        SwitchingSubject.User => "user_id",
        SwitchingSubject.App => "app",
        _ => "team",
    };
}
