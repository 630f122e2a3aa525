using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace Almanac.Web.Infrastructure;

/// <summary>
/// Reads the query of an endpoint whose handler takes an <see cref="AsParametersAttribute"/> record
/// before the binder does, with the same parsers, and answers every bad value at once with one 400
/// ValidationProblem naming each parameter and what it expects. The binder alone would answer a
/// value its <c>TryParse</c> refuses with a bare 400 naming nothing.
/// </summary>
internal sealed class QueryValidation(RequestDelegate next)
{
    private static readonly ConcurrentDictionary<Endpoint, QueryParameter[]> ParametersOf = new();

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is { } endpoint && ParametersOf.GetOrAdd(endpoint, Find) is { Length: > 0 } parameters)
        {
            var reader = new QueryReader();
            foreach (var parameter in parameters)
            {
                // The binder would join a repeated parameter's values with commas, which some values
                // ("128K,128K") would read as one: each typed parameter takes one value.
                var values = context.Request.Query[parameter.Name];
                if (values.Count > 1)
                {
                    reader.Fail(parameter.Name, $"given {values.Count} times; expected one value");
                }
                else if ((string?)values is { Length: > 0 } text)
                {
                    parameter.Check(reader, parameter.Name, text);
                }
            }

            if (reader.HasErrors)
            {
                return Problems.Invalid(reader).ExecuteAsync(context);
            }
        }

        return next(context);
    }

    /// <summary>Writes what a query value type accepts into its schema; other types are left as generated.</summary>
    public static void Describe(Type type, OpenApiSchema schema)
    {
        var valueType = Nullable.GetUnderlyingType(type) ?? type;
        if (IsQueryValue(valueType))
        {
            schema.Properties?.Clear();
            schema.Required?.Clear();
            typeof(QueryValidation).GetMethod(nameof(DescribeValue), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(valueType).Invoke(null, [schema]);
        }
    }

    /// <summary>The query parameters of every <see cref="AsParametersAttribute"/> record the endpoint's handler takes.</summary>
    internal static QueryParameter[] Find(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } handler)
        {
            return [];
        }

        return [.. handler.GetParameters()
            .Where(p => p.GetCustomAttribute<AsParametersAttribute>() is not null)
            .SelectMany(p => p.ParameterType.GetConstructors().MaxBy(c => c.GetParameters().Length)!.GetParameters())
            .Select(p => (Name: p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name!, Check: CheckerFor(p)))
            .Where(p => p.Check is not null)
            .Select(p => new QueryParameter(p.Name, p.Check!))];
    }

    private static Action<QueryReader, string, string>? CheckerFor(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (type == typeof(string) || type == typeof(string[]))
        {
            return null;
        }

        if (type == typeof(DateOnly))
        {
            return (reader, name, text) => reader.Date(name, text);
        }

        if (type == typeof(bool))
        {
            return (reader, name, text) => reader.Bool(name, text);
        }

        if (type == typeof(decimal))
        {
            return (reader, name, text) => reader.Decimal(name, text);
        }

        if (IsQueryValue(type))
        {
            return typeof(QueryValidation).GetMethod(nameof(CheckValue), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(type).CreateDelegate<Action<QueryReader, string, string>>();
        }

        // A type the binder reads by rules of its own would answer a bad value with a bare 400.
        throw new InvalidOperationException($"the query parameter '{parameter.Name}' is a {type.Name}; give it a type that implements {nameof(IQueryValue<>)}");
    }

    private static bool IsQueryValue(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQueryValue<>) && i.GetGenericArguments()[0] == type);

    private static void CheckValue<T>(QueryReader reader, string name, string text)
        where T : struct, IQueryValue<T> => reader.Value<T>(name, text);

    private static void DescribeValue<T>(OpenApiSchema schema)
        where T : struct, IQueryValue<T> => T.Describe(schema);

    /// <summary>A query parameter by the name a request gives it, and what reads its text.</summary>
    internal sealed record QueryParameter(string Name, Action<QueryReader, string, string> Check);
}
