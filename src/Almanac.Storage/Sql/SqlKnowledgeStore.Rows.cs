using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Almanac.Storage.Sql;

public abstract partial class SqlKnowledgeStore
{
    /// <summary>
    /// Rows per INSERT: one statement of many rows costs one round trip to a server (and one statement
    /// step in SQLite) instead of one per row; 200 rows of 21 columns stay far below both engines' limit
    /// on parameters per statement.
    /// </summary>
    private const int RowsPerInsert = 200;

    /// <summary>
    /// Inserts rows with multi-row <c>INSERT … VALUES (…), (…)</c> statements, each row's values in
    /// <paramref name="columns"/> order; <paramref name="conflict"/> is the <c>ON CONFLICT</c> clause, if any.
    /// </summary>
    /// <returns>The rows the statements report changed.</returns>
    private int InsertRows(string table, string[] columns, string conflict, IEnumerable<object?[]> rows, DbTransaction transaction, Action<int>? written = null)
    {
        var changed = 0;
        var done = 0;
        DbCommand? full = null;
        try
        {
            foreach (var chunk in rows.Chunk(RowsPerInsert))
            {
                var command = chunk.Length == RowsPerInsert ? full ??= Prepare(RowsPerInsert) : Prepare(chunk.Length);
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
                for (var c = 0; c < columns.Length; c++)
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
