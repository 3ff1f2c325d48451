using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MotCua.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DraftsExchangeSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OfficialDocuments_UnitId_Book_Year_Number",
                table: "OfficialDocuments");

            migrationBuilder.AddColumn<long>(
                name: "RepliesToId",
                table: "OfficialDocuments",
                type: "bigint",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ReceivingUnitPath",
                table: "Dossiers",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400);

            migrationBuilder.AlterColumn<string>(
                name: "CurrentUnitPath",
                table: "Dossiers",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400);

            migrationBuilder.CreateTable(
                name: "DocumentDrafts",
                columns: table => new
                {
                    DocumentId = table.Column<long>(type: "bigint", nullable: false),
                    DrafterId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DrafterName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuerAbbreviation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DrafterAbbreviation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ReturnNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SignedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SignedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IssuedSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CertificateThumbprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    IssuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentDrafts", x => x.DocumentId);
                    table.ForeignKey(
                        name: "FK_DocumentDrafts_OfficialDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "OfficialDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DocumentExchanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentId = table.Column<long>(type: "bigint", nullable: false),
                    Direction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PackageId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PeerOrganId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PeerName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LastStatusCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    LastStatusAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SignerSubject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecalledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RefusedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeliveredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentExchanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentExchanges_OfficialDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "OfficialDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DocumentExchangeStatuses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExchangeId = table.Column<long>(type: "bigint", nullable: false),
                    Outgoing = table.Column<bool>(type: "boolean", nullable: false),
                    StatusCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Timestamp = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentExchangeStatuses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentExchangeStatuses_DocumentExchanges_ExchangeId",
                        column: x => x.ExchangeId,
                        principalTable: "DocumentExchanges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OfficialDocuments_UnitId_Book_Year_Number",
                table: "OfficialDocuments",
                columns: new[] { "UnitId", "Book", "Year", "Number" },
                unique: true,
                filter: "\"Number\" > 0");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ApplicantIdNumber",
                table: "Dossiers",
                column: "ApplicantIdNumber",
                filter: "\"ApplicantIdNumber\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ApplicantName",
                table: "Dossiers",
                column: "ApplicantName")
                .Annotation("Relational:Collation", new[] { "C" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentDrafts_DrafterId",
                table: "DocumentDrafts",
                column: "DrafterId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentDrafts_IssuedSha256",
                table: "DocumentDrafts",
                column: "IssuedSha256");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentExchanges_Direction_PackageId_UnitId_PeerOrganId",
                table: "DocumentExchanges",
                columns: new[] { "Direction", "PackageId", "UnitId", "PeerOrganId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentExchanges_DocumentId",
                table: "DocumentExchanges",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentExchangeStatuses_ExchangeId_Outgoing_StatusCode_Tim~",
                table: "DocumentExchangeStatuses",
                columns: new[] { "ExchangeId", "Outgoing", "StatusCode", "Timestamp" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentDrafts");

            migrationBuilder.DropTable(
                name: "DocumentExchangeStatuses");

            migrationBuilder.DropTable(
                name: "DocumentExchanges");

            migrationBuilder.DropIndex(
                name: "IX_OfficialDocuments_UnitId_Book_Year_Number",
                table: "OfficialDocuments");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_ApplicantIdNumber",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_ApplicantName",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "RepliesToId",
                table: "OfficialDocuments");

            migrationBuilder.AlterColumn<string>(
                name: "ReceivingUnitPath",
                table: "Dossiers",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "CurrentUnitPath",
                table: "Dossiers",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400,
                oldCollation: "C");

            migrationBuilder.CreateIndex(
                name: "IX_OfficialDocuments_UnitId_Book_Year_Number",
                table: "OfficialDocuments",
                columns: new[] { "UnitId", "Book", "Year", "Number" },
                unique: true);
        }
    }
}
