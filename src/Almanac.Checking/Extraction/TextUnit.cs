namespace Almanac.Checking.Extraction;

/// <summary>What kind of Markdown block a unit of text came from.</summary>
internal enum UnitKind
{
    Heading,
    Paragraph,
    ListItem,
    TableCell,
}

/// <summary>
/// A run of a document that figures are searched in, with what surrounds it: the headings above,
/// a bold label (<c>**北美市场份额**: …</c>), the table column header and row label, and a lead-in
/// paragraph (<c>…数据显示：</c>) that introduces a list. Offsets are into the original text;
/// <c>BodyStart</c> is where the text after a label begins. <c>Table</c> numbers the table a cell is in
/// (1, 2, … through the document), so each table is its own whole. <c>RowVendor</c> is the row's first column
/// when a later column that names models labels the row (| 公司 | 市场份额 | 主要模型 |): whom a share belongs to.
/// </summary>
internal sealed record TextUnit(
    UnitKind Kind,
    int Start,
    int BodyStart,
    int End,
    IReadOnlyList<string> Headings,
    string? Label,
    string? ColumnHeader,
    string? RowLabel,
    string? Row,
    string? LeadIn,
    int Section,
    int? Table = null,
    string? RowVendor = null)
{
    /// <summary>The text the unit's sentence is read from: the table row for a cell, the unit itself otherwise.</summary>
    public bool IsTableCell => Kind == UnitKind.TableCell;
}
