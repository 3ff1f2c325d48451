using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ReusedFromDocumentId",
                table: "DossierDocuments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReusedFromStoredDocumentId",
                table: "DossierDocuments",
                type: "INTEGER",
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
