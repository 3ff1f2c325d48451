using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Migrations.Postgres
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
                name: "IX_Dossiers_Status_AppointmentDate_ReceivingUnitPath_CurrentUn~",
                table: "Dossiers",
                columns: new[] { "Status", "AppointmentDate", "ReceivingUnitPath", "CurrentUnitPath" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_Status_AppointmentDate_ReceivingUnitPath_CurrentUn~",
                table: "Dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_Status_AppointmentDate",
                table: "Dossiers",
                columns: new[] { "Status", "AppointmentDate" });
        }
    }
}
