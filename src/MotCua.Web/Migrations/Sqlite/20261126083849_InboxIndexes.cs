using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Status_AppointmentDate",
                table: "Dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Status_AppointmentDate_ReceivingUnitPath_CurrentUnitPath",
                table: "Dossiers",
                columns: new[] { "Status", "AppointmentDate", "ReceivingUnitPath", "CurrentUnitPath" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Status_AppointmentDate_ReceivingUnitPath_CurrentUnitPath",
                table: "Dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Status_AppointmentDate",
                table: "Dossiers",
                columns: new[] { "Status", "AppointmentDate" });
        }
    }
}
