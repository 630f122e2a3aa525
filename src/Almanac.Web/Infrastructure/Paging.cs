namespace Almanac.Web.Infrastructure;

/// <summary>One page of a list, with the size of the whole list.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>Which page of a list a request asked for.</summary>
internal readonly record struct PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>The page asked for: the first, of <see cref="DefaultPageSize"/> items, unless given.</summary>
    public static PageRequest Of(PageNumber? page, Infrastructure.PageSize? pageSize) => new(page?.Value ?? 1, pageSize?.Value ?? DefaultPageSize);

    public ListPage<TOut> Apply<TIn, TOut>(IReadOnlyList<TIn> all, Func<TIn, TOut> map)
    {
        var items = all.Skip((int)Math.Min((long)(Page - 1) * PageSize, int.MaxValue)).Take(PageSize).Select(map).ToList();
        return new ListPage<TOut>(items, Page, PageSize, all.Count);
    }
}
