using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProvinceScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_SentAtUtc_FailedPermanently_NextAttemptAtUtc",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_ApplicantName",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_ReceivingUnitPath_Status",
                table: "Dossiers");

            migrationBuilder.AlterColumn<string>(
                name: "ProcedureName",
                table: "Dossiers",
                type: "TEXT",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 1000);

            migrationBuilder.AddColumn<string>(
                name: "Components",
                table: "Dossiers",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "DossierDocuments",
                type: "TEXT",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 1000);

            migrationBuilder.AddColumn<short>(
                name: "Item",
                table: "DossierDocuments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProcedureId",
                table: "DossierDocuments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Due",
                table: "OutboxMessages",
                column: "Id",
                filter: "\"SentAtUtc\" IS NULL AND NOT \"FailedPermanently\"");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ApplicantName",
                table: "Dossiers",
                columns: new[] { "ApplicantName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ReceivingUnitPath_ReceivedOn",
                table: "Dossiers",
                columns: new[] { "ReceivingUnitPath", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Status_CurrentUnitPath_Id",
                table: "Dossiers",
                columns: new[] { "Status", "CurrentUnitPath", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Status_ReceivingUnitPath_Id",
                table: "Dossiers",
                columns: new[] { "Status", "ReceivingUnitPath", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Due",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_ApplicantName",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_ReceivingUnitPath_ReceivedOn",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Status_CurrentUnitPath_Id",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Status_ReceivingUnitPath_Id",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "Components",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "Item",
                table: "DossierDocuments");

            migrationBuilder.DropColumn(
                name: "ProcedureId",
                table: "DossierDocuments");

            migrationBuilder.AlterColumn<string>(
                name: "ProcedureName",
                table: "Dossiers",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "DossierDocuments",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentAtUtc_FailedPermanently_NextAttemptAtUtc",
                table: "OutboxMessages",
                columns: new[] { "SentAtUtc", "FailedPermanently", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ApplicantName",
                table: "Dossiers",
                column: "ApplicantName");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ReceivingUnitPath_Status",
                table: "Dossiers",
                columns: new[] { "ReceivingUnitPath", "Status" });
        }
    }
}
