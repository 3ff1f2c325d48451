using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeanDossierIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_IdempotencyKey",
                table: "Dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_IdempotencyKey",
                table: "Dossiers",
                column: "IdempotencyKey",
                unique: true,
                filter: "\"IdempotencyKey\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_IdempotencyKey",
                table: "Dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_IdempotencyKey",
                table: "Dossiers",
                column: "IdempotencyKey",
                unique: true);
        }
    }
}
