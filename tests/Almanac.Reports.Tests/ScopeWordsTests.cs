using Almanac.Knowledge;
using Almanac.Reports;
using Almanac.Text;

namespace Almanac.Tests.Reports;

/// <summary>Scopes in a reader's words instead of their canonical form.</summary>
public sealed class ScopeWordsTests
{
    private static string? Name(string id) => id == "enterprise-llm-api" ? "Enterprise LLM API" : null;

    [Fact]
    public void Keys_and_values_are_words_and_an_entity_id_is_the_entity_s_name()
    {
        var scope = Scope.Parse("basis=usage;market=enterprise-llm-api");
        ScopeWords.Describe(scope, Language.En, Name).ShouldBe("basis: by usage · market: Enterprise LLM API");
        ScopeWords.Describe(scope, Language.Zh, Name).ShouldBe("口径：按使用量 · 市场：Enterprise LLM API");
    }

    [Fact]
    public void A_value_the_table_does_not_list_is_written_with_spaces_not_hyphens()
    {
        ScopeWords.Describe(Scope.Parse("segment=hugging-face-open-models"), Language.En, Name).ShouldBe("segment: hugging face open models");
        ScopeWords.Value("segment", "general-purpose-llm-developers", Language.En, Name).ShouldBe("general-purpose LLM developers");
        ScopeWords.Value("segment", "general-purpose-llm-developers", Language.Zh, Name).ShouldBe("通用大模型厂商");
    }

    [Fact]
    public void Every_scope_key_has_a_chinese_word()
    {
        foreach (var key in Scope.Keys)
        {
            ScopeWords.Describe(Scope.Parse($"{key}=x"), Language.Zh, Name).ShouldNotStartWith(key + "：", Case.Sensitive, $"'{key}' has no Chinese word in scope-words.tsv");
        }
    }
}
