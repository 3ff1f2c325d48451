using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DigitizationFilesAndReuse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ReuseConsented",
                table: "DossierDocuments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ReusedFromDocumentId",
                table: "DossierDocuments",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReusedFromStoredDocumentId",
                table: "DossierDocuments",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReuseConsented",
                table: "DossierDocuments");

            migrationBuilder.DropColumn(
                name: "ReusedFromDocumentId",
                table: "DossierDocuments");

            migrationBuilder.DropColumn(
                name: "ReusedFromStoredDocumentId",
                table: "DossierDocuments");
        }
    }
}
