using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Almanac.Storage.Sql;

public abstract partial class SqlKnowledgeStore
{
    /// <summary>Rows per statement of a multi-row read or write (200 rows of 21 columns stay far below any engine's limit on parameters).</summary>
    private const int RowsPerInsert = 200;

    /// <summary>
    /// Inserts rows with multi-row <c>INSERT … VALUES (…), (…)</c> statements, each row's values in
    /// <paramref name="columns"/> order; <paramref name="conflict"/> is the <c>ON CONFLICT</c> clause, if any.
    /// On a server one statement of many rows costs one round trip instead of one per row; an embedded engine
    /// overrides this with what is fastest for it.
    /// </summary>
    /// <returns>The rows the statements report changed.</returns>
    protected virtual int InsertRows(string table, IReadOnlyList<string> columns, string conflict, IEnumerable<object?[]> rows, DbTransaction transaction, Action<int>? written = null)
    {
        var changed = 0;
        var done = 0;
        DbCommand? full = null;
        try
        {
            const int size = RowsPerInsert;
            foreach (var chunk in rows.Chunk(size))
            {
                var command = chunk.Length == size ? full ??= Prepare(size) : Prepare(chunk.Length);
                var p = 0;
                foreach (var row in chunk)
                {
                    foreach (var value in row)
                    {
                        command.Parameters[p++].Value = value ?? DBNull.Value;
                    }
                }

                changed += command.ExecuteNonQuery();
                if (!ReferenceEquals(command, full))
                {
                    command.Dispose();
                }

                done += chunk.Length;
                written?.Invoke(done);
            }
        }
        finally
        {
            full?.Dispose();
        }

        return changed;

        DbCommand Prepare(int count)
        {
            var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
            var command = Command(string.Empty, transaction);
            for (var r = 0; r < count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{c}");
                    sql.Append(c == 0 ? name : ", " + name);
                    Parameter(command, name);
                }

                sql.Append(')');
            }

            if (conflict.Length > 0)
            {
                sql.Append(' ').Append(conflict);
            }

            command.CommandText = sql.ToString();
            return command;
        }
    }
}
